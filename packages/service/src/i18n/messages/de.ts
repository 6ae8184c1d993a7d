import type { MessageKey } from "./en.js";

export const de: Record<MessageKey, string> = {
  "app.name": "Attendant",
  "common.language": "Sprache",
  "common.save": "Speichern",
  "common.cancel": "Abbrechen",
  "common.back": "Zurück",
  "common.signOut": "Abmelden",
  "common.required": "Dieses Feld ist erforderlich.",
  "nav.home": "Start",
  "nav.connection": "TeamViewer-Verbindung",
  "nav.settings": "Einstellungen",
  "nav.users": "Benutzer",
  "nav.health": "Status",
  "nav.audit": "Audit-Protokoll",
  "demo.banner":
    "Demo-Modus: Attendant spricht mit dem eingebauten TeamViewer-Simulator, nicht mit TeamViewer. Um das echte TeamViewer zu nutzen, registrieren Sie eine App in der Management Console und tragen Sie deren Client-ID und Secret unter Einstellungen ein.",
  "error.generic":
    "Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut; wenn es wieder passiert, nennen Sie Ihrer Administration diese Referenz: {requestId}",
  "error.notFound": "Diese Seite gibt es nicht.",
  "error.forbidden": "Dazu fehlt Ihnen die Berechtigung.",
};
