/**
 * How features put themselves into the shared page shell without the shell knowing them:
 * navigation entries, cards on the home page and banners above every page. `createApp` makes one
 * registry per app (so tests never share state) and hands it to each feature's routes.
 *
 *   web.addNavEntry({ href: "/connection", label: "nav.connection" });
 *   web.addHomeCard({ id: "teamviewer", render: (c) => <section class="card">…</section> });
 *   web.addBanner((c) => (isDemo ? <p>{c.get("t").t("demo.banner")}</p> : null));
 */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { UserRole } from "../db/schema.js";
import type { AppEnv } from "../http/app-deps.js";
import type { MessageKey } from "../i18n/index.js";
import type { SignedInEnv } from "../identity/current-session.js";

/** A count shown after a navigation entry: `id` names it in the page, `label` says what it counts. */
export type NavBadgeProvider = (
  c: Context<SignedInEnv>,
) => Promise<{ id: string; count: number; label: string }>;

export interface NavEntry {
  href: string;
  label: MessageKey;
  badge?: NavBadgeProvider;
  /** Shown only to these roles; every signed-in user when absent. */
  roles?: readonly UserRole[];
}

export interface HomeCard {
  /** Stable name, also the card's HTML id. */
  id: string;
  roles?: readonly UserRole[];
  render(c: Context<SignedInEnv>): Child | Promise<Child>;
}

/** Returns what to show above the page content, or null for nothing. Runs on every page. */
export type BannerProvider = (c: Context<AppEnv>) => Child | Promise<Child>;

export interface WebExtensions {
  addNavEntry(entry: NavEntry): void;
  addHomeCard(card: HomeCard): void;
  addBanner(provider: BannerProvider): void;
  navEntriesFor(role: UserRole): NavEntry[];
  homeCardsFor(role: UserRole): HomeCard[];
  readonly banners: readonly BannerProvider[];
}

export function createWebExtensions(): WebExtensions {
  const navEntries: NavEntry[] = [];
  const homeCards: HomeCard[] = [];
  const banners: BannerProvider[] = [];
  const isVisibleTo = (role: UserRole) => (item: { roles?: readonly UserRole[] }) =>
    item.roles === undefined || item.roles.includes(role);
  return {
    addNavEntry: (entry) => void navEntries.push(entry),
    addHomeCard: (card) => void homeCards.push(card),
    addBanner: (provider) => void banners.push(provider),
    navEntriesFor: (role) => navEntries.filter(isVisibleTo(role)),
    homeCardsFor: (role) => homeCards.filter(isVisibleTo(role)),
    banners,
  };
}
