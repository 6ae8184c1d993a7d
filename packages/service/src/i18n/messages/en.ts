/**
 * The English catalog defines every message key; `de` and `ja` must translate each one
 * (the compiler rejects a missing key). Placeholders are written `{name}`.
 */
export const en = {
  "app.name": "Attendant",
  "common.language": "Language",
  "common.save": "Save",
  "common.cancel": "Cancel",
  "common.back": "Back",
  "common.signOut": "Sign out",
  "common.required": "This field is required.",
  "nav.home": "Home",
  "nav.connection": "TeamViewer connection",
  "nav.settings": "Settings",
  "nav.users": "Users",
  "nav.health": "Health",
  "nav.audit": "Audit log",
  "demo.banner":
    "Demo mode: Attendant is talking to the built-in TeamViewer simulator, not to TeamViewer. To use the real TeamViewer, register an app in the Management Console and enter its client ID and secret under Settings.",
  "error.generic":
    "Something went wrong. Please try again; if it keeps happening, give your administrator this reference: {requestId}",
  "error.notFound": "This page does not exist.",
  "error.forbidden": "You do not have permission to do this.",
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
