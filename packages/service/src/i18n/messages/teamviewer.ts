import type { Catalogs } from "./catalog-types.js";

/**
 * Messages of the TeamViewer connection: the connection page and home card, the admin's app
 * settings, script token and health pages. Management Console paths follow TeamViewer's own
 * English labels (profile → Apps), which the console shows in every language.
 */
export const teamviewer = {
  en: {
    "tv.connection.title": "TeamViewer connection",
    "tv.connection.intro":
      "Connect your own TeamViewer account once. Attendant then creates support sessions and reads connection reports in your name.",
    "tv.connection.status": "Status",
    "tv.connection.account": "TeamViewer account",
    "tv.connection.status.connected": "Connected",
    "tv.connection.status.needsReconnect": "Needs reconnect",
    "tv.connection.status.notConnected": "Not connected",
    "tv.connection.needsReconnectHelp":
      "TeamViewer no longer accepts this connection (it was revoked, has expired, or the app changed). Reconnect to continue.",
    "tv.connection.connect": "Connect TeamViewer",
    "tv.connection.reconnect": "Reconnect TeamViewer",
    "tv.connection.disconnect": "Disconnect",
    "tv.connection.disconnectHelp":
      "Disconnecting revokes Attendant's access at TeamViewer and deletes the stored tokens.",
    "tv.connection.notConfigured":
      "Your organisation has not set up TeamViewer yet. Ask an administrator to enter the TeamViewer app under Settings.",
    "tv.connection.openSettings": "Open the TeamViewer settings",
    "tv.connection.manage": "Manage the connection",
    "tv.card.title": "TeamViewer",
    "tv.notice.connected": "Your TeamViewer account is connected.",
    "tv.notice.disconnected": "TeamViewer is disconnected and the stored tokens are deleted.",
    "tv.notice.revokeFailed":
      "The stored tokens are deleted, but TeamViewer could not be told to revoke them. To be sure, remove Attendant's access in the TeamViewer Management Console (profile → Apps).",
    "tv.notice.expired":
      "This sign-in attempt has expired, was already used or was started in another browser. Press “Connect TeamViewer” to start again.",
    "tv.notice.denied":
      "You declined the connection at TeamViewer. Nothing was changed; you can connect at any time.",
    "tv.notice.invalidClient":
      "TeamViewer refused Attendant's app credentials. Ask an administrator to check the client ID and secret under Settings.",
    "tv.notice.rejected": "TeamViewer did not complete the connection. Please try again.",
    "tv.notice.accountPermission":
      "The TeamViewer app lacks the “Account management: view” permission. Ask an administrator to tick it in the Management Console, then try again.",
    "tv.notice.unavailable": "TeamViewer could not be reached. Please try again in a moment.",
    "tv.notice.insecureApp":
      "This organisation's TeamViewer app has a plain http:// address to another computer, which would send the client secret and tokens unencrypted. Ask an administrator to correct it under Settings.",
    "tv.settings.title": "TeamViewer settings",
    "tv.settings.appHeading": "TeamViewer app",
    "tv.settings.intro":
      "Create an app in the TeamViewer Management Console (profile → Apps → Create app) with the redirect URI below and the permissions “Account management: view”, “Session management” and “Connection reporting”, then enter its client ID and secret here.",
    "tv.settings.simulatorActive":
      "This organisation currently uses the built-in TeamViewer simulator. Saving a real app here switches it to TeamViewer.",
    "tv.settings.simulatorForced":
      "ATTENDANT_DEMO=true keeps every organisation on the simulator. Save the real app here, then remove ATTENDANT_DEMO and restart to switch to TeamViewer.",
    "tv.settings.clientId": "Client ID",
    "tv.settings.clientSecret": "Client secret",
    "tv.settings.clientSecretStored":
      "A secret is stored and is never shown. Leave the field empty to keep it, or type a new one to replace it.",
    "tv.settings.clientSecretNew": "Shown once in the Management Console when the app is created.",
    "tv.settings.redirectUri": "Redirect URI",
    "tv.settings.redirectUriHint": "Exactly the redirect URI registered for the app. Usually: {example}",
    "tv.settings.authorizeUrl": "Authorize URL",
    "tv.settings.authorizeUrlHint": "TeamViewer's sign-in page. Usually: {example}",
    "tv.settings.apiBaseUrl": "API base URL",
    "tv.settings.apiBaseUrlHint": "Usually: {example}",
    "tv.settings.saved": "The TeamViewer app settings are saved.",
    "tv.settings.unchanged": "Nothing changed.",
    "tv.settings.invalid": "Please correct the marked fields; nothing was saved.",
    "tv.settings.error.clientIdRequired": "Enter the client ID shown for the app in the Management Console.",
    "tv.settings.error.clientSecretRequired":
      "Enter the client secret; the Management Console shows it once, when the app is created.",
    "tv.settings.error.credentialFormat":
      "This cannot be right: it contains spaces or line breaks, or is longer than 500 characters. Copy it again.",
    "tv.settings.error.url": "Enter a full address such as https://webapi.teamviewer.com/api/v1.",
    "tv.settings.error.insecureUrl":
      "Use an https:// address. Plain http:// is only allowed for this computer (localhost, 127.0.0.1).",
    "tv.settings.plainHttpWarning":
      "Plain http: the client secret and the tokens travel unencrypted. That is allowed only to this machine (localhost, 127.0.0.1, ::1), for a local simulator or test server; TeamViewer itself is always https://.",
    "tv.settings.error.redirectPath":
      "The redirect URI must end in /teamviewer/callback, for example {example}.",
    "tv.scriptToken.heading": "Company script token",
    "tv.scriptToken.intro":
      "Optional. A company-wide script token lets Attendant read all of your company's connection reports. Create one in the Management Console (profile → Apps → Create script token) with “Connection reporting” and “Account management: view” ticked.",
    "tv.scriptToken.stored": "A script token is stored. It is never shown.",
    "tv.scriptToken.none": "No script token is stored.",
    "tv.scriptToken.label": "Script token",
    "tv.scriptToken.save": "Check and save",
    "tv.scriptToken.remove": "Remove the script token",
    "tv.scriptToken.saved": "TeamViewer accepted the script token; it is saved.",
    "tv.scriptToken.removed": "The script token is removed.",
    "tv.scriptToken.error.format":
      "This does not look like a TeamViewer token. Paste it again, without spaces or line breaks.",
    "tv.scriptToken.error.noApp":
      "Save the TeamViewer app above first: it tells Attendant where TeamViewer's API is.",
    "tv.scriptToken.error.rejected":
      "TeamViewer does not accept this token. Copy it again from the Management Console, or create a new one. Nothing was saved.",
    "tv.scriptToken.error.unreachable":
      "TeamViewer could not be reached to check the token. Nothing was saved; please try again in a moment.",
    "tv.health.title": "TeamViewer health",
    "tv.health.intro":
      "Attendant has just asked TeamViewer, with the app's credentials, your own connection and the company script token.",
    "tv.health.app": "App with client ID {clientId}, API at {apiBaseUrl}.",
    "tv.health.simulator": "This is the built-in simulator, not TeamViewer.",
    "tv.health.section.credentials": "App",
    "tv.health.section.user": "Your connection",
    "tv.health.section.script": "Company script token",
    "tv.health.status.ok": "OK",
    "tv.health.status.problem": "Problem",
    "tv.health.status.skipped": "Not checked",
    "tv.health.recheck": "Check again",
    "tv.health.check.credentials": "Client ID and secret",
    "tv.health.check.ping": "Token",
    "tv.health.check.account": "Account",
    "tv.health.check.sessions": "Sessions",
    "tv.health.check.reports": "Connection reports",
    "tv.health.ok.credentials": "TeamViewer accepts the client ID and secret.",
    "tv.health.ok.ping": "TeamViewer accepts the token.",
    "tv.health.ok.account": "{name} ({email}), licence: {licence}",
    "tv.health.ok.sessions": "Sessions can be read.",
    "tv.health.ok.reports": "Connection reports can be read.",
    "tv.health.skipped.notConnected":
      "You have not connected your own TeamViewer account, so it was not checked.",
    "tv.health.skipped.noScriptToken": "No company script token is stored.",
    "tv.health.problem.notConfigured": "No TeamViewer app is configured. Enter it under Settings.",
    "tv.health.problem.invalidClient":
      "TeamViewer refuses the client ID or secret: one of them is wrong. In the Management Console open your profile → Apps → the app with client ID {clientId}, compare the ID, create a new secret if the old one is lost, and enter both under Settings.",
    "tv.health.problem.userToken":
      "TeamViewer no longer accepts your connection. Open the connection page and press “Reconnect TeamViewer”.",
    "tv.health.problem.scriptToken":
      "TeamViewer does not accept the script token (it was deleted or mistyped). In the Management Console open your profile → Apps → Create script token, then paste the new token under Settings.",
    "tv.health.problem.appPermission":
      "The app lacks the “{permission}” permission. In the Management Console open your profile → Apps → the app with client ID {clientId} → Edit, tick “{permission}” and save. Then reconnect TeamViewer, because a connection keeps the permissions it was made with.",
    "tv.health.problem.scriptPermission":
      "The script token lacks the “{permission}” permission. In the Management Console open your profile → Apps, edit the script token and tick “{permission}” (or create a new token with it), then paste it under Settings.",
    "tv.health.problem.unreachable":
      "TeamViewer could not be reached or answered unexpectedly: {detail} Check the API base URL under Settings and this server's internet access.",
    "tv.permission.account": "Account management: view",
    "tv.permission.sessions": "Session management",
    "tv.permission.reports": "Connection reporting",
  },
  de: {
    "tv.connection.title": "TeamViewer-Verbindung",
    "tv.connection.intro":
      "Verbinden Sie Ihr eigenes TeamViewer-Konto einmalig. Attendant erstellt dann Support-Sitzungen und liest Verbindungsberichte in Ihrem Namen.",
    "tv.connection.status": "Status",
    "tv.connection.account": "TeamViewer-Konto",
    "tv.connection.status.connected": "Verbunden",
    "tv.connection.status.needsReconnect": "Neu verbinden nötig",
    "tv.connection.status.notConnected": "Nicht verbunden",
    "tv.connection.needsReconnectHelp":
      "TeamViewer akzeptiert diese Verbindung nicht mehr (sie wurde widerrufen, ist abgelaufen oder die App wurde geändert). Verbinden Sie sich neu, um fortzufahren.",
    "tv.connection.connect": "TeamViewer verbinden",
    "tv.connection.reconnect": "TeamViewer neu verbinden",
    "tv.connection.disconnect": "Trennen",
    "tv.connection.disconnectHelp":
      "Beim Trennen wird der Zugriff von Attendant bei TeamViewer widerrufen und die gespeicherten Tokens werden gelöscht.",
    "tv.connection.notConfigured":
      "Ihre Organisation hat TeamViewer noch nicht eingerichtet. Bitten Sie eine Administratorin oder einen Administrator, die TeamViewer-App unter Einstellungen einzutragen.",
    "tv.connection.openSettings": "TeamViewer-Einstellungen öffnen",
    "tv.connection.manage": "Verbindung verwalten",
    "tv.card.title": "TeamViewer",
    "tv.notice.connected": "Ihr TeamViewer-Konto ist verbunden.",
    "tv.notice.disconnected": "TeamViewer ist getrennt, die gespeicherten Tokens sind gelöscht.",
    "tv.notice.revokeFailed":
      "Die gespeicherten Tokens sind gelöscht, aber TeamViewer konnte den Widerruf nicht bestätigen. Entfernen Sie zur Sicherheit den Zugriff von Attendant in der TeamViewer Management Console (Profil → Apps).",
    "tv.notice.expired":
      "Dieser Anmeldeversuch ist abgelaufen, wurde bereits verwendet oder in einem anderen Browser begonnen. Klicken Sie auf „TeamViewer verbinden“, um neu zu beginnen.",
    "tv.notice.denied":
      "Sie haben die Verbindung bei TeamViewer abgelehnt. Es wurde nichts geändert; Sie können sich jederzeit verbinden.",
    "tv.notice.invalidClient":
      "TeamViewer hat die App-Zugangsdaten von Attendant abgelehnt. Bitten Sie die Administration, Client-ID und Secret unter Einstellungen zu prüfen.",
    "tv.notice.rejected": "TeamViewer hat die Verbindung nicht abgeschlossen. Bitte versuchen Sie es erneut.",
    "tv.notice.accountPermission":
      "Der TeamViewer-App fehlt die Berechtigung „Kontoverwaltung: anzeigen“. Bitten Sie die Administration, sie in der Management Console anzuhaken, und versuchen Sie es dann erneut.",
    "tv.notice.unavailable": "TeamViewer war nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.",
    "tv.notice.insecureApp":
      "Die TeamViewer-App dieser Organisation hat eine unverschlüsselte http://-Adresse zu einem anderen Rechner, über die Client-Secret und Tokens im Klartext gingen. Bitten Sie eine Administratorin oder einen Administrator, sie unter Einstellungen zu korrigieren.",
    "tv.settings.title": "TeamViewer-Einstellungen",
    "tv.settings.appHeading": "TeamViewer-App",
    "tv.settings.intro":
      "Legen Sie in der TeamViewer Management Console eine App an (Profil → Apps → App erstellen), mit dem Weiterleitungs-URI unten und den Berechtigungen „Kontoverwaltung: anzeigen“, „Sitzungsverwaltung“ und „Verbindungsberichte“. Tragen Sie dann hier deren Client-ID und Secret ein.",
    "tv.settings.simulatorActive":
      "Diese Organisation verwendet derzeit den eingebauten TeamViewer-Simulator. Wenn Sie hier eine echte App speichern, wechselt sie zu TeamViewer.",
    "tv.settings.simulatorForced":
      "ATTENDANT_DEMO=true hält alle Organisationen beim Simulator. Speichern Sie die echte App hier, entfernen Sie dann ATTENDANT_DEMO und starten Sie neu, um zu TeamViewer zu wechseln.",
    "tv.settings.clientId": "Client-ID",
    "tv.settings.clientSecret": "Client-Secret",
    "tv.settings.clientSecretStored":
      "Ein Secret ist gespeichert und wird nie angezeigt. Lassen Sie das Feld leer, um es zu behalten, oder geben Sie ein neues ein, um es zu ersetzen.",
    "tv.settings.clientSecretNew": "Wird beim Anlegen der App einmalig in der Management Console angezeigt.",
    "tv.settings.redirectUri": "Weiterleitungs-URI",
    "tv.settings.redirectUriHint": "Genau der für die App registrierte Weiterleitungs-URI. Meist: {example}",
    "tv.settings.authorizeUrl": "Autorisierungs-URL",
    "tv.settings.authorizeUrlHint": "Die Anmeldeseite von TeamViewer. Meist: {example}",
    "tv.settings.apiBaseUrl": "API-Basis-URL",
    "tv.settings.apiBaseUrlHint": "Meist: {example}",
    "tv.settings.saved": "Die Einstellungen der TeamViewer-App sind gespeichert.",
    "tv.settings.unchanged": "Es wurde nichts geändert.",
    "tv.settings.invalid": "Bitte korrigieren Sie die markierten Felder; es wurde nichts gespeichert.",
    "tv.settings.error.clientIdRequired":
      "Geben Sie die Client-ID ein, die die Management Console für die App anzeigt.",
    "tv.settings.error.clientSecretRequired":
      "Geben Sie das Client-Secret ein; die Management Console zeigt es einmalig beim Anlegen der App.",
    "tv.settings.error.credentialFormat":
      "Das kann nicht stimmen: Es enthält Leerzeichen oder Zeilenumbrüche oder ist länger als 500 Zeichen. Kopieren Sie es erneut.",
    "tv.settings.error.url":
      "Geben Sie eine vollständige Adresse ein, etwa https://webapi.teamviewer.com/api/v1.",
    "tv.settings.error.insecureUrl":
      "Verwenden Sie eine https://-Adresse. Unverschlüsseltes http:// ist nur für diesen Rechner erlaubt (localhost, 127.0.0.1).",
    "tv.settings.plainHttpWarning":
      "Unverschlüsseltes http: Client-Secret und Tokens gehen im Klartext. Das ist nur zu diesem Rechner erlaubt (localhost, 127.0.0.1, ::1), für einen lokalen Simulator oder Testserver; TeamViewer selbst ist immer https://.",
    "tv.settings.error.redirectPath":
      "Der Weiterleitungs-URI muss auf /teamviewer/callback enden, zum Beispiel {example}.",
    "tv.scriptToken.heading": "Skript-Token des Unternehmens",
    "tv.scriptToken.intro":
      "Optional. Mit einem unternehmensweiten Skript-Token kann Attendant alle Verbindungsberichte Ihres Unternehmens lesen. Erstellen Sie es in der Management Console (Profil → Apps → Skript-Token erstellen) mit den Berechtigungen „Verbindungsberichte“ und „Kontoverwaltung: anzeigen“.",
    "tv.scriptToken.stored": "Ein Skript-Token ist gespeichert. Es wird nie angezeigt.",
    "tv.scriptToken.none": "Es ist kein Skript-Token gespeichert.",
    "tv.scriptToken.label": "Skript-Token",
    "tv.scriptToken.save": "Prüfen und speichern",
    "tv.scriptToken.remove": "Skript-Token entfernen",
    "tv.scriptToken.saved": "TeamViewer hat das Skript-Token akzeptiert; es ist gespeichert.",
    "tv.scriptToken.removed": "Das Skript-Token ist entfernt.",
    "tv.scriptToken.error.format":
      "Das sieht nicht wie ein TeamViewer-Token aus. Fügen Sie es erneut ein, ohne Leerzeichen oder Zeilenumbrüche.",
    "tv.scriptToken.error.noApp":
      "Speichern Sie zuerst oben die TeamViewer-App: Daraus weiß Attendant, wo die TeamViewer-API liegt.",
    "tv.scriptToken.error.rejected":
      "TeamViewer akzeptiert dieses Token nicht. Kopieren Sie es erneut aus der Management Console oder erstellen Sie ein neues. Es wurde nichts gespeichert.",
    "tv.scriptToken.error.unreachable":
      "TeamViewer war zur Prüfung des Tokens nicht erreichbar. Es wurde nichts gespeichert; bitte versuchen Sie es gleich noch einmal.",
    "tv.health.title": "TeamViewer-Status",
    "tv.health.intro":
      "Attendant hat TeamViewer soeben gefragt, mit den Zugangsdaten der App, Ihrer eigenen Verbindung und dem Skript-Token des Unternehmens.",
    "tv.health.app": "App mit Client-ID {clientId}, API unter {apiBaseUrl}.",
    "tv.health.simulator": "Das ist der eingebaute Simulator, nicht TeamViewer.",
    "tv.health.section.credentials": "App",
    "tv.health.section.user": "Ihre Verbindung",
    "tv.health.section.script": "Skript-Token des Unternehmens",
    "tv.health.status.ok": "In Ordnung",
    "tv.health.status.problem": "Problem",
    "tv.health.status.skipped": "Nicht geprüft",
    "tv.health.recheck": "Erneut prüfen",
    "tv.health.check.credentials": "Client-ID und Secret",
    "tv.health.check.ping": "Token",
    "tv.health.check.account": "Konto",
    "tv.health.check.sessions": "Sitzungen",
    "tv.health.check.reports": "Verbindungsberichte",
    "tv.health.ok.credentials": "TeamViewer akzeptiert Client-ID und Secret.",
    "tv.health.ok.ping": "TeamViewer akzeptiert das Token.",
    "tv.health.ok.account": "{name} ({email}), Lizenz: {licence}",
    "tv.health.ok.sessions": "Sitzungen können gelesen werden.",
    "tv.health.ok.reports": "Verbindungsberichte können gelesen werden.",
    "tv.health.skipped.notConnected":
      "Sie haben Ihr eigenes TeamViewer-Konto nicht verbunden, daher wurde es nicht geprüft.",
    "tv.health.skipped.noScriptToken": "Es ist kein Skript-Token des Unternehmens gespeichert.",
    "tv.health.problem.notConfigured":
      "Es ist keine TeamViewer-App eingerichtet. Tragen Sie sie unter Einstellungen ein.",
    "tv.health.problem.invalidClient":
      "TeamViewer lehnt Client-ID oder Secret ab: Eines davon ist falsch. Öffnen Sie in der Management Console Ihr Profil → Apps → die App mit der Client-ID {clientId}, vergleichen Sie die ID, erstellen Sie ein neues Secret, falls das alte verloren ist, und tragen Sie beides unter Einstellungen ein.",
    "tv.health.problem.userToken":
      "TeamViewer akzeptiert Ihre Verbindung nicht mehr. Öffnen Sie die Verbindungsseite und klicken Sie auf „TeamViewer neu verbinden“.",
    "tv.health.problem.scriptToken":
      "TeamViewer akzeptiert das Skript-Token nicht (es wurde gelöscht oder falsch eingegeben). Öffnen Sie in der Management Console Ihr Profil → Apps → Skript-Token erstellen und fügen Sie das neue Token unter Einstellungen ein.",
    "tv.health.problem.appPermission":
      "Der App fehlt die Berechtigung „{permission}“. Öffnen Sie in der Management Console Ihr Profil → Apps → die App mit der Client-ID {clientId} → Bearbeiten, haken Sie „{permission}“ an und speichern Sie. Verbinden Sie TeamViewer danach neu, denn eine Verbindung behält die Berechtigungen, mit denen sie entstand.",
    "tv.health.problem.scriptPermission":
      "Dem Skript-Token fehlt die Berechtigung „{permission}“. Öffnen Sie in der Management Console Ihr Profil → Apps, bearbeiten Sie das Skript-Token und haken Sie „{permission}“ an (oder erstellen Sie ein neues Token damit), und fügen Sie es unter Einstellungen ein.",
    "tv.health.problem.unreachable":
      "TeamViewer war nicht erreichbar oder hat unerwartet geantwortet: {detail} Prüfen Sie die API-Basis-URL unter Einstellungen und den Internetzugang dieses Servers.",
    "tv.permission.account": "Kontoverwaltung: anzeigen",
    "tv.permission.sessions": "Sitzungsverwaltung",
    "tv.permission.reports": "Verbindungsberichte",
  },
  ja: {
    "tv.connection.title": "TeamViewer 接続",
    "tv.connection.intro":
      "ご自身の TeamViewer アカウントを一度接続してください。以降、Attendant があなたの名前でサポートセッションを作成し、接続レポートを読み取ります。",
    "tv.connection.status": "状態",
    "tv.connection.account": "TeamViewer アカウント",
    "tv.connection.status.connected": "接続済み",
    "tv.connection.status.needsReconnect": "再接続が必要です",
    "tv.connection.status.notConnected": "未接続",
    "tv.connection.needsReconnectHelp":
      "TeamViewer がこの接続を受け付けなくなりました（取り消された、期限が切れた、またはアプリが変更されました）。続けるには再接続してください。",
    "tv.connection.connect": "TeamViewer を接続",
    "tv.connection.reconnect": "TeamViewer を再接続",
    "tv.connection.disconnect": "接続を解除",
    "tv.connection.disconnectHelp":
      "接続を解除すると、TeamViewer での Attendant のアクセス権が取り消され、保存されているトークンが削除されます。",
    "tv.connection.notConfigured":
      "お使いの組織ではまだ TeamViewer が設定されていません。管理者に「設定」で TeamViewer アプリを登録するよう依頼してください。",
    "tv.connection.openSettings": "TeamViewer の設定を開く",
    "tv.connection.manage": "接続を管理",
    "tv.card.title": "TeamViewer",
    "tv.notice.connected": "TeamViewer アカウントを接続しました。",
    "tv.notice.disconnected": "TeamViewer との接続を解除し、保存されていたトークンを削除しました。",
    "tv.notice.revokeFailed":
      "保存されていたトークンは削除しましたが、TeamViewer での取り消しを確認できませんでした。念のため、TeamViewer Management Console（プロフィール → Apps）で Attendant のアクセス権を削除してください。",
    "tv.notice.expired":
      "このサインインは期限切れか、すでに使用済みか、別のブラウザーで開始されたものです。「TeamViewer を接続」を押して、もう一度やり直してください。",
    "tv.notice.denied": "TeamViewer で接続を拒否しました。何も変更されていません。いつでも接続できます。",
    "tv.notice.invalidClient":
      "TeamViewer が Attendant のアプリ認証情報を拒否しました。管理者に「設定」でクライアント ID とシークレットを確認するよう依頼してください。",
    "tv.notice.rejected": "TeamViewer が接続を完了しませんでした。もう一度お試しください。",
    "tv.notice.accountPermission":
      "TeamViewer アプリに「アカウント管理：表示」の権限がありません。管理者に Management Console でこの権限にチェックを入れてもらってから、もう一度お試しください。",
    "tv.notice.unavailable": "TeamViewer に接続できませんでした。しばらくしてからもう一度お試しください。",
    "tv.notice.insecureApp":
      "この組織の TeamViewer アプリには、別のコンピューターへの暗号化されていない http:// アドレスがあり、クライアントシークレットとトークンが平文で送信されてしまいます。管理者に「設定」で修正するよう依頼してください。",
    "tv.settings.title": "TeamViewer の設定",
    "tv.settings.appHeading": "TeamViewer アプリ",
    "tv.settings.intro":
      "TeamViewer Management Console（プロフィール → Apps → Create app）で、下記のリダイレクト URI と「アカウント管理：表示」「セッション管理」「接続レポート」の権限を持つアプリを作成し、そのクライアント ID とシークレットをここに入力してください。",
    "tv.settings.simulatorActive":
      "この組織は現在、内蔵の TeamViewer シミュレーターを使用しています。ここで実際のアプリを保存すると、TeamViewer に切り替わります。",
    "tv.settings.simulatorForced":
      "ATTENDANT_DEMO=true のため、すべての組織でシミュレーターが使われます。ここで実際のアプリを保存したうえで ATTENDANT_DEMO を削除し、再起動すると TeamViewer に切り替わります。",
    "tv.settings.clientId": "クライアント ID",
    "tv.settings.clientSecret": "クライアントシークレット",
    "tv.settings.clientSecretStored":
      "シークレットは保存済みで、表示されることはありません。変更しない場合は空欄のままにし、置き換える場合は新しいシークレットを入力してください。",
    "tv.settings.clientSecretNew": "アプリ作成時に Management Console で一度だけ表示されます。",
    "tv.settings.redirectUri": "リダイレクト URI",
    "tv.settings.redirectUriHint":
      "アプリに登録したリダイレクト URI と完全に一致させてください。通常は {example} です。",
    "tv.settings.authorizeUrl": "認可 URL",
    "tv.settings.authorizeUrlHint": "TeamViewer のサインインページです。通常は {example} です。",
    "tv.settings.apiBaseUrl": "API ベース URL",
    "tv.settings.apiBaseUrlHint": "通常は {example} です。",
    "tv.settings.saved": "TeamViewer アプリの設定を保存しました。",
    "tv.settings.unchanged": "変更はありませんでした。",
    "tv.settings.invalid": "印の付いた項目を修正してください。何も保存されていません。",
    "tv.settings.error.clientIdRequired":
      "Management Console でアプリに表示されているクライアント ID を入力してください。",
    "tv.settings.error.clientSecretRequired":
      "クライアントシークレットを入力してください。アプリ作成時に Management Console で一度だけ表示されます。",
    "tv.settings.error.credentialFormat":
      "正しくないようです。空白や改行が含まれているか、500 文字を超えています。もう一度コピーしてください。",
    "tv.settings.error.url":
      "https://webapi.teamviewer.com/api/v1 のような完全なアドレスを入力してください。",
    "tv.settings.error.insecureUrl":
      "https:// のアドレスを使用してください。http:// はこのコンピューター（localhost、127.0.0.1）に対してのみ使用できます。",
    "tv.settings.plainHttpWarning":
      "暗号化されていない http: クライアントシークレットとトークンが平文で送信されます。ローカルのシミュレーターやテストサーバー用に、このコンピューター（localhost、127.0.0.1、::1）に対してのみ許可されています。TeamViewer 自体は常に https:// です。",
    "tv.settings.error.redirectPath":
      "リダイレクト URI は /teamviewer/callback で終わる必要があります（例：{example}）。",
    "tv.scriptToken.heading": "会社のスクリプトトークン",
    "tv.scriptToken.intro":
      "任意です。会社全体のスクリプトトークンがあれば、Attendant は会社のすべての接続レポートを読み取れます。Management Console（プロフィール → Apps → Create script token）で「接続レポート」と「アカウント管理：表示」にチェックを入れて作成してください。",
    "tv.scriptToken.stored": "スクリプトトークンは保存済みです。表示されることはありません。",
    "tv.scriptToken.none": "スクリプトトークンは保存されていません。",
    "tv.scriptToken.label": "スクリプトトークン",
    "tv.scriptToken.save": "確認して保存",
    "tv.scriptToken.remove": "スクリプトトークンを削除",
    "tv.scriptToken.saved": "TeamViewer がスクリプトトークンを受け付けました。保存しました。",
    "tv.scriptToken.removed": "スクリプトトークンを削除しました。",
    "tv.scriptToken.error.format":
      "TeamViewer のトークンではないようです。空白や改行を含めずに、もう一度貼り付けてください。",
    "tv.scriptToken.error.noApp":
      "先に上の TeamViewer アプリを保存してください。TeamViewer の API の場所はその設定から決まります。",
    "tv.scriptToken.error.rejected":
      "TeamViewer がこのトークンを受け付けません。Management Console からもう一度コピーするか、新しく作成してください。何も保存されていません。",
    "tv.scriptToken.error.unreachable":
      "トークンを確認するために TeamViewer に接続できませんでした。何も保存されていません。しばらくしてからもう一度お試しください。",
    "tv.health.title": "TeamViewer の状態",
    "tv.health.intro":
      "アプリの認証情報、ご自身の接続、会社のスクリプトトークンを使って、たった今 TeamViewer に問い合わせた結果です。",
    "tv.health.app": "クライアント ID {clientId} のアプリ、API：{apiBaseUrl}。",
    "tv.health.simulator": "これは TeamViewer ではなく、内蔵のシミュレーターです。",
    "tv.health.section.credentials": "アプリ",
    "tv.health.section.user": "ご自身の接続",
    "tv.health.section.script": "会社のスクリプトトークン",
    "tv.health.status.ok": "正常",
    "tv.health.status.problem": "問題あり",
    "tv.health.status.skipped": "未確認",
    "tv.health.recheck": "もう一度確認",
    "tv.health.check.credentials": "クライアント ID とシークレット",
    "tv.health.check.ping": "トークン",
    "tv.health.check.account": "アカウント",
    "tv.health.check.sessions": "セッション",
    "tv.health.check.reports": "接続レポート",
    "tv.health.ok.credentials": "TeamViewer はクライアント ID とシークレットを受け付けています。",
    "tv.health.ok.ping": "TeamViewer はトークンを受け付けています。",
    "tv.health.ok.account": "{name}（{email}）、ライセンス：{licence}",
    "tv.health.ok.sessions": "セッションを読み取れます。",
    "tv.health.ok.reports": "接続レポートを読み取れます。",
    "tv.health.skipped.notConnected":
      "ご自身の TeamViewer アカウントが接続されていないため、確認していません。",
    "tv.health.skipped.noScriptToken": "会社のスクリプトトークンは保存されていません。",
    "tv.health.problem.notConfigured": "TeamViewer アプリが設定されていません。「設定」で登録してください。",
    "tv.health.problem.invalidClient":
      "TeamViewer がクライアント ID またはシークレットを拒否しました。どちらかが間違っています。Management Console でプロフィール → Apps → クライアント ID {clientId} のアプリを開いて ID を確認し、シークレットが不明な場合は新しく作成して、両方を「設定」に入力してください。",
    "tv.health.problem.userToken":
      "TeamViewer がご自身の接続を受け付けなくなりました。接続ページを開き、「TeamViewer を再接続」を押してください。",
    "tv.health.problem.scriptToken":
      "TeamViewer がスクリプトトークンを受け付けません（削除されたか、入力が誤っています）。Management Console でプロフィール → Apps → Create script token から新しいトークンを作成し、「設定」に貼り付けてください。",
    "tv.health.problem.appPermission":
      "アプリに「{permission}」の権限がありません。Management Console でプロフィール → Apps → クライアント ID {clientId} のアプリ → 編集 を開き、「{permission}」にチェックを入れて保存してください。接続は作成時の権限を保持するため、その後 TeamViewer を再接続してください。",
    "tv.health.problem.scriptPermission":
      "スクリプトトークンに「{permission}」の権限がありません。Management Console でプロフィール → Apps を開き、スクリプトトークンを編集して「{permission}」にチェックを入れてください（または、この権限を付けて新しいトークンを作成してください）。その後、「設定」に貼り付けてください。",
    "tv.health.problem.unreachable":
      "TeamViewer に接続できなかったか、予期しない応答がありました：{detail} 「設定」の API ベース URL と、このサーバーのインターネット接続を確認してください。",
    "tv.permission.account": "アカウント管理：表示",
    "tv.permission.sessions": "セッション管理",
    "tv.permission.reports": "接続レポート",
  },
} as const satisfies Catalogs;
