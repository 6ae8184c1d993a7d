/**
 * What a helpdesk asserts when it opens the ticket widget (issue 23): who the agent is and which
 * ticket they look at. Every way a host can sign (the integration's own HMAC secret, or a
 * platform's JWT checked against keys the admin configured) ends in this one shape, so the widget
 * never depends on which helpdesk it sits in. The wire format of the HMAC assertion is described
 * in docs/embedding.md.
 */
export interface AssertedTicket {
  /** The embedding integration the assertion was signed for. */
  integrationId: string;
  /** Mapped to an Attendant user of the integration's organisation; never trusted for more than that user's role. */
  agentEmail: string;
  ticket: {
    externalId: string;
    title: string;
    url?: string | undefined;
    requesterName?: string | undefined;
    requesterEmail?: string | undefined;
  };
  /** The assertion's one-time id: a second use of it is refused as a replay until `expiresAt`. */
  nonce: string;
  expiresAt: Date;
  /** The host's colour scheme when it told us; otherwise the widget follows the browser. */
  theme?: "light" | "dark" | undefined;
  /** The host's language when it told us; otherwise the agent's own setting. */
  locale?: string | undefined;
}
