import type { Catalogs } from "./catalog-types.js";

/**
 * The admins' embedding pages for integrations the platform signs (issue 23, ADR 0041): the kind
 * choice, Zendesk's and Forge's fields, and what is wrong with a value, saying where to find the
 * right one. The checks are src/embedding/platform/platform-trust-input.ts's.
 */
export const embeddingPlatforms = {
  en: {
    "embed.admin.introPlatforms":
      "A Zendesk or Jira (Forge) app needs no secret: the platform signs, so choose its kind and give the platform's keys and which of its users are which Attendant user.",
    "embed.admin.field.kind": "Kind",
    "embed.admin.field.kindHint":
      "Fill in only the section of the kind you choose; the other sections are ignored.",
    "embed.admin.kind.hmac": "Signed by the helpdesk's server (a secret)",
    "embed.admin.kind.zendesk": "Zendesk app (Zendesk signs)",
    "embed.admin.kind.forge": "Jira app on Atlassian Forge (Atlassian signs)",
    "embed.admin.zendesk.legend": "Zendesk",
    "embed.admin.forge.legend": "Jira (Atlassian Forge)",
    "embed.admin.zendesk.accountUrl": "Zendesk account",
    "embed.admin.zendesk.accountUrlHint": "https://<subdomain>.zendesk.com",
    "embed.admin.zendesk.installationId": "Installation id",
    "embed.admin.zendesk.installationIdHint":
      "A number: the app's installation in your account (GET /api/v2/apps/installations.json lists it).",
    "embed.admin.zendesk.publicKeyPem": "The app's public key (PEM)",
    "embed.admin.zendesk.publicKeyPemHint":
      "From GET /api/v2/apps/<app id>/public_key.pem, as it is, from -----BEGIN PUBLIC KEY----- to the END line.",
    "embed.admin.zendesk.agents": "Agents",
    "embed.admin.zendesk.agentsHint":
      "One per line: Zendesk user id = Attendant e-mail, e.g. 98765 = agent@example.com. Only agents listed here can open the widget.",
    "embed.admin.forge.appId": "App id",
    "embed.admin.forge.appIdHint": "ari:cloud:ecosystem::app/<uuid>, from the app's manifest.",
    "embed.admin.forge.installationId": "Installation id",
    "embed.admin.forge.installationIdHint":
      "ari:cloud:ecosystem::installation/<uuid>, from forge install list.",
    "embed.admin.forge.siteUrl": "Jira site",
    "embed.admin.forge.siteUrlHint": "https://<site>.atlassian.net, for links back to the issue.",
    "embed.admin.forge.jwks": "Atlassian's keys (JSON Web Key Set)",
    "embed.admin.forge.jwksHint":
      "The JSON from https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json. Attendant never fetches it: paste it again when Atlassian rotates its keys.",
    "embed.admin.forge.agents": "Agents",
    "embed.admin.forge.agentsHint":
      "One per line: Atlassian account id = Attendant e-mail, e.g. 557058:f58131cb = agent@example.com. Only agents listed here can open the widget.",
    "embed.admin.registeredPlatform":
      "Registered. There is no secret: the platform signs with its own keys. Put the integration id into the app's settings.",
    "embed.admin.error.kind": "Choose one of the kinds offered.",
    "embed.admin.error.config.url-invalid": "{value} is not an https address without a path.",
    "embed.admin.error.config.installation-id-invalid":
      "{value} is not an installation id of this platform (see the hint).",
    "embed.admin.error.config.app-id-invalid": "{value} is not a Forge app id (see the hint).",
    "embed.admin.error.config.public-key-invalid":
      "This is not an RSA public key in PEM (-----BEGIN PUBLIC KEY-----). Paste the app's key as Zendesk gives it.",
    "embed.admin.error.config.jwks-not-json":
      "This is not JSON. Paste the key set as Atlassian publishes it.",
    "embed.admin.error.config.jwks-without-keys":
      'The key set has no keys: it is {"keys": [ … ]} with at least one key.',
    "embed.admin.error.config.jwks-key-invalid": "Key number {value} is not an RSA public key.",
    "embed.admin.error.config.jwks-private-key":
      "Key number {value} is a private key. Paste only Atlassian's public keys.",
    "embed.admin.error.config.agents-line-invalid": "The line “{value}” is not “platform user id = e-mail”.",
    "embed.admin.error.config.agents-duplicate-id": "{value} is mapped twice: map each user once.",
    "embed.admin.error.config.too-long": "This is too long.",
  },
  de: {
    "embed.admin.introPlatforms":
      "Eine Zendesk- oder Jira-App (Forge) braucht kein Geheimnis: Die Plattform signiert. Wählen Sie ihre Art und geben Sie die Schlüssel der Plattform an und welcher ihrer Benutzer welcher Attendant-Benutzer ist.",
    "embed.admin.field.kind": "Art",
    "embed.admin.field.kindHint":
      "Füllen Sie nur den Abschnitt der gewählten Art aus; die anderen Abschnitte werden nicht beachtet.",
    "embed.admin.kind.hmac": "Vom Server des Helpdesks signiert (ein Geheimnis)",
    "embed.admin.kind.zendesk": "Zendesk-App (Zendesk signiert)",
    "embed.admin.kind.forge": "Jira-App auf Atlassian Forge (Atlassian signiert)",
    "embed.admin.zendesk.legend": "Zendesk",
    "embed.admin.forge.legend": "Jira (Atlassian Forge)",
    "embed.admin.zendesk.accountUrl": "Zendesk-Konto",
    "embed.admin.zendesk.accountUrlHint": "https://<subdomain>.zendesk.com",
    "embed.admin.zendesk.installationId": "Installations-ID",
    "embed.admin.zendesk.installationIdHint":
      "Eine Zahl: die Installation der App in Ihrem Konto (GET /api/v2/apps/installations.json nennt sie).",
    "embed.admin.zendesk.publicKeyPem": "Öffentlicher Schlüssel der App (PEM)",
    "embed.admin.zendesk.publicKeyPemHint":
      "Aus GET /api/v2/apps/<App-ID>/public_key.pem, unverändert, von -----BEGIN PUBLIC KEY----- bis zur END-Zeile.",
    "embed.admin.zendesk.agents": "Agenten",
    "embed.admin.zendesk.agentsHint":
      "Einer pro Zeile: Zendesk-Benutzer-ID = Attendant-E-Mail, z. B. 98765 = agent@example.com. Nur hier genannte Agenten können das Widget öffnen.",
    "embed.admin.forge.appId": "App-ID",
    "embed.admin.forge.appIdHint": "ari:cloud:ecosystem::app/<uuid>, aus dem Manifest der App.",
    "embed.admin.forge.installationId": "Installations-ID",
    "embed.admin.forge.installationIdHint":
      "ari:cloud:ecosystem::installation/<uuid>, aus forge install list.",
    "embed.admin.forge.siteUrl": "Jira-Site",
    "embed.admin.forge.siteUrlHint": "https://<site>.atlassian.net, für Links zurück zum Vorgang.",
    "embed.admin.forge.jwks": "Schlüssel von Atlassian (JSON Web Key Set)",
    "embed.admin.forge.jwksHint":
      "Das JSON von https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json. Attendant lädt es nie selbst: Fügen Sie es erneut ein, wenn Atlassian die Schlüssel wechselt.",
    "embed.admin.forge.agents": "Agenten",
    "embed.admin.forge.agentsHint":
      "Einer pro Zeile: Atlassian-Konto-ID = Attendant-E-Mail, z. B. 557058:f58131cb = agent@example.com. Nur hier genannte Agenten können das Widget öffnen.",
    "embed.admin.registeredPlatform":
      "Registriert. Es gibt kein Geheimnis: Die Plattform signiert mit ihren eigenen Schlüsseln. Tragen Sie die ID der Einbettung in den Einstellungen der App ein.",
    "embed.admin.error.kind": "Wählen Sie eine der angebotenen Arten.",
    "embed.admin.error.config.url-invalid": "{value} ist keine https-Adresse ohne Pfad.",
    "embed.admin.error.config.installation-id-invalid":
      "{value} ist keine Installations-ID dieser Plattform (siehe Hinweis).",
    "embed.admin.error.config.app-id-invalid": "{value} ist keine Forge-App-ID (siehe Hinweis).",
    "embed.admin.error.config.public-key-invalid":
      "Das ist kein öffentlicher RSA-Schlüssel im PEM-Format (-----BEGIN PUBLIC KEY-----). Fügen Sie den Schlüssel der App so ein, wie Zendesk ihn liefert.",
    "embed.admin.error.config.jwks-not-json":
      "Das ist kein JSON. Fügen Sie das Key Set so ein, wie Atlassian es veröffentlicht.",
    "embed.admin.error.config.jwks-without-keys":
      'Das Key Set enthält keine Schlüssel: Es lautet {"keys": [ … ]} mit mindestens einem Schlüssel.',
    "embed.admin.error.config.jwks-key-invalid":
      "Schlüssel Nummer {value} ist kein öffentlicher RSA-Schlüssel.",
    "embed.admin.error.config.jwks-private-key":
      "Schlüssel Nummer {value} ist ein privater Schlüssel. Fügen Sie nur die öffentlichen Schlüssel von Atlassian ein.",
    "embed.admin.error.config.agents-line-invalid":
      "Die Zeile „{value}“ hat nicht die Form „Plattform-Benutzer-ID = E-Mail“.",
    "embed.admin.error.config.agents-duplicate-id":
      "{value} ist zweimal zugeordnet: Ordnen Sie jeden Benutzer nur einmal zu.",
    "embed.admin.error.config.too-long": "Das ist zu lang.",
  },
  ja: {
    "embed.admin.introPlatforms":
      "Zendesk や Jira (Forge) のアプリにシークレットは不要です。プラットフォームが署名するので、種類を選び、プラットフォームの鍵と、どのユーザーがどの Attendant ユーザーかを入力してください。",
    "embed.admin.field.kind": "種類",
    "embed.admin.field.kindHint": "選んだ種類の欄だけを入力してください。他の欄は無視されます。",
    "embed.admin.kind.hmac": "ヘルプデスクのサーバーが署名(シークレット)",
    "embed.admin.kind.zendesk": "Zendesk アプリ(Zendesk が署名)",
    "embed.admin.kind.forge": "Atlassian Forge の Jira アプリ(Atlassian が署名)",
    "embed.admin.zendesk.legend": "Zendesk",
    "embed.admin.forge.legend": "Jira (Atlassian Forge)",
    "embed.admin.zendesk.accountUrl": "Zendesk アカウント",
    "embed.admin.zendesk.accountUrlHint": "https://<subdomain>.zendesk.com",
    "embed.admin.zendesk.installationId": "インストール ID",
    "embed.admin.zendesk.installationIdHint":
      "数字です。アカウント内のアプリのインストールを表します(GET /api/v2/apps/installations.json で確認できます)。",
    "embed.admin.zendesk.publicKeyPem": "アプリの公開鍵 (PEM)",
    "embed.admin.zendesk.publicKeyPemHint":
      "GET /api/v2/apps/<app id>/public_key.pem の内容を、-----BEGIN PUBLIC KEY----- から END の行までそのまま貼り付けてください。",
    "embed.admin.zendesk.agents": "エージェント",
    "embed.admin.zendesk.agentsHint":
      "1 行に 1 人: Zendesk ユーザー ID = Attendant のメールアドレス(例: 98765 = agent@example.com)。ウィジェットを開けるのはここに記載したエージェントだけです。",
    "embed.admin.forge.appId": "アプリ ID",
    "embed.admin.forge.appIdHint": "ari:cloud:ecosystem::app/<uuid>(アプリのマニフェストにあります)。",
    "embed.admin.forge.installationId": "インストール ID",
    "embed.admin.forge.installationIdHint":
      "ari:cloud:ecosystem::installation/<uuid>(forge install list で確認できます)。",
    "embed.admin.forge.siteUrl": "Jira サイト",
    "embed.admin.forge.siteUrlHint": "https://<site>.atlassian.net(課題へのリンクに使います)。",
    "embed.admin.forge.jwks": "Atlassian の鍵 (JSON Web Key Set)",
    "embed.admin.forge.jwksHint":
      "https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json の JSON です。Attendant は自分では取得しません。Atlassian が鍵を更新したら貼り直してください。",
    "embed.admin.forge.agents": "エージェント",
    "embed.admin.forge.agentsHint":
      "1 行に 1 人: Atlassian アカウント ID = Attendant のメールアドレス(例: 557058:f58131cb = agent@example.com)。ウィジェットを開けるのはここに記載したエージェントだけです。",
    "embed.admin.registeredPlatform":
      "登録しました。シークレットはありません。プラットフォームが自身の鍵で署名します。連携 ID をアプリの設定に入力してください。",
    "embed.admin.error.kind": "表示された種類から選んでください。",
    "embed.admin.error.config.url-invalid": "{value} はパスのない https のアドレスではありません。",
    "embed.admin.error.config.installation-id-invalid":
      "{value} はこのプラットフォームのインストール ID ではありません(ヒントを参照)。",
    "embed.admin.error.config.app-id-invalid": "{value} は Forge のアプリ ID ではありません(ヒントを参照)。",
    "embed.admin.error.config.public-key-invalid":
      "PEM 形式の RSA 公開鍵 (-----BEGIN PUBLIC KEY-----) ではありません。Zendesk が返すアプリの鍵をそのまま貼り付けてください。",
    "embed.admin.error.config.jwks-not-json":
      "JSON ではありません。Atlassian が公開している鍵セットをそのまま貼り付けてください。",
    "embed.admin.error.config.jwks-without-keys":
      '鍵セットに鍵がありません。{"keys": [ … ]} の形で、鍵を 1 つ以上含めてください。',
    "embed.admin.error.config.jwks-key-invalid": "{value} 番目の鍵は RSA 公開鍵ではありません。",
    "embed.admin.error.config.jwks-private-key":
      "{value} 番目の鍵は秘密鍵です。Atlassian の公開鍵だけを貼り付けてください。",
    "embed.admin.error.config.agents-line-invalid":
      "「{value}」の行は「プラットフォームのユーザー ID = メールアドレス」の形ではありません。",
    "embed.admin.error.config.agents-duplicate-id":
      "{value} が 2 回割り当てられています。各ユーザーは 1 回だけ割り当ててください。",
    "embed.admin.error.config.too-long": "長すぎます。",
  },
} as const satisfies Catalogs;
