/** The widget's addresses (issue 23), in one place for its routes, its panel and its script. */
export const embedPanelPath = "/embed/panel";
export const embedStreamPath = "/embed/stream";
export const embedWidgetPath = (integrationId: string) => `/embed/widget/${integrationId}`;
export const embedActionPath = (action: string) => `/embed/actions/${action}`;
