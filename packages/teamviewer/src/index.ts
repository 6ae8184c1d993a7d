/**
 * `@attendant/teamviewer`: a typed client for the TeamViewer Web API. OAuth helpers, one class per
 * resource, one error tree, retries with backoff, deadlines and paging.
 *
 * @example
 * ```ts
 * import { TeamViewerClient } from "@attendant/teamviewer";
 *
 * const client = new TeamViewerClient({ accessToken: process.env.TEAMVIEWER_TOKEN ?? "" });
 * const { token_valid } = await client.ping();
 * ```
 *
 * @packageDocumentation
 */

export { type PingResult, TeamViewerClient, type TeamViewerClientOptions } from "./client.js";
export { formatTeamViewerDate, parseTeamViewerDate } from "./dates.js";
export { DEFAULT_BASE_URL } from "./defaults.js";
export {
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  InvalidClientError,
  InvalidGrantError,
  LicenseLimitError,
  NotFoundError,
  OAuthError,
  type OAuthErrorDetails,
  PermissionDeniedError,
  RateLimitError,
  TeamViewerAPIError,
  type TeamViewerAPIErrorDetails,
  TeamViewerError,
  TimeoutError,
  UnexpectedResponseError,
} from "./errors.js";
export type { AccessTokenProvider, RequestOptions } from "./http/api-transport.js";
export type { FetchLike } from "./http/send-request.js";
export type { TeamViewerLogger } from "./logger.js";
export {
  type AuthorizationRequest,
  DEFAULT_AUTHORIZE_URL,
  type OAuthRequestOptions,
  type OnTokensRotated,
  TeamViewerOAuth,
  type TeamViewerOAuthOptions,
} from "./oauth/teamviewer-oauth.js";
export type { TokenSet } from "./oauth/token-set.js";
export type { Page, PagePromise } from "./pagination.js";
export { redactSecrets } from "./redact.js";
export type { Account, AccountResource } from "./resources/account.js";
export type {
  AiSummary,
  AugmentedSessionSummary,
  ChatParticipant,
  ChatTranscriptMessage,
  ConnectionExtrasResource,
  ScreenshotImage,
  ScreenshotInfo,
} from "./resources/connection-extras.js";
export {
  type BillingState,
  CONNECTION_SUPPORT_SESSION_TYPES,
  type ConnectionReport,
  type ConnectionReportListParams,
  type ConnectionReportsResource,
  type ConnectionReportUpdateParams,
} from "./resources/connection-reports.js";
export type { Group, GroupCreateParams, GroupListParams, GroupsResource } from "./resources/groups.js";
export type { ReportsResource } from "./resources/reports.js";
export type {
  EndCustomer,
  EndCustomerParams,
  Session,
  SessionCreateParams,
  SessionListParams,
  SessionState,
  SessionStateFilter,
  SessionSummary,
  SessionSupportSessionType,
  SessionsResource,
  SessionUpdateParams,
} from "./resources/sessions.js";
export type { User, UserListParams, UsersResource } from "./resources/users.js";
