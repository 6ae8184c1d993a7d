/**
 * The simulated TeamViewer tenants: companies, their accounts (users) and groups
 * (docs/teamviewer-api.md §2 and §5).
 */

export interface License {
  type: string;
  isActive: boolean;
  /** Open sessions the company may hold at once; creating one more answers the licence-limit 400. */
  maxConcurrentSessions: number;
  /**
   * Whether connections keep their chat transcript, summaries and screenshots for the API; without
   * it those calls answer 403 (docs/teamviewer-api.md §4: "where the account's licence provides it").
   */
  connectionExtras: boolean;
}

export interface Company {
  id: string;
  name: string;
}

export interface Account {
  userid: string;
  name: string;
  email: string;
  companyId: string;
  emailLanguage: string;
  emailValidated: boolean;
  license: License;
  active: boolean;
  /** The permissions string `GET /users?full_list=true` shows. */
  userPermissions: string;
  lastAccessAt: number | undefined;
}

export interface GroupShare {
  userid: string;
  permissions: "read" | "readwrite" | "full";
}

export interface Group {
  id: string;
  name: string;
  companyId: string;
  ownerUserid: string;
  sharedWith: GroupShare[];
}

/**
 * A customised QuickSupport module, as a company designs one in the Management Console ("Design &
 * Deploy"): the name and logo the customer's QuickSupport shows. A session names it in
 * `custom_module_id` (docs/teamviewer-api.md §3).
 */
export interface CustomModule {
  id: string;
  companyId: string;
  displayName: string;
  /** An http(s) address of the logo image; the simulator only links it. */
  logoUrl: string | undefined;
}

export interface CustomModuleInput {
  id: string;
  /** An account of the company the module belongs to. */
  ownerUserid: string;
  displayName: string;
  logoUrl?: string | undefined;
}

export interface AccountInput {
  userid?: string;
  name: string;
  email: string;
  company?: string;
  emailLanguage?: string;
  license?: Partial<License>;
}

export interface GroupInput {
  id?: string;
  name: string;
  ownerUserid: string;
  sharedWith?: GroupShare[];
}

/** The world as plain JSON: a saved simulator carries on from it (state/state-snapshot.ts). */
export interface WorldSnapshot {
  companies: Company[];
  accounts: Account[];
  groups: Group[];
  customModules: CustomModule[];
  next: { user: number; group: number; company: number };
}

export const DEFAULT_LICENSE: License = {
  type: "Premium",
  isActive: true,
  maxConcurrentSessions: 100,
  connectionExtras: true,
};

export class World {
  readonly companies = new Map<string, Company>();
  readonly accounts = new Map<string, Account>();
  readonly groups = new Map<string, Group>();
  readonly customModules = new Map<string, CustomModule>();
  #nextUserNumber = 7001;
  #nextGroupNumber = 40201;
  #nextCompanyNumber = 1;

  /** Creates an account, and its company when the company name is new. */
  createAccount(input: AccountInput): Account {
    if (this.findAccountByEmail(input.email))
      throw new Error(`An account with e-mail ${input.email} exists.`);
    const userid = input.userid ?? this.#takeUserId();
    if (this.accounts.has(userid)) throw new Error(`Account ${userid} exists.`);
    this.#nextUserNumber = Math.max(this.#nextUserNumber, Number(userid.slice(1)) + 1);
    const company = this.#companyNamed(input.company ?? `${input.name}'s company`);
    const account: Account = {
      userid,
      name: input.name,
      email: input.email,
      companyId: company.id,
      emailLanguage: input.emailLanguage ?? "en",
      emailValidated: true,
      license: { ...DEFAULT_LICENSE, ...input.license },
      active: true,
      userPermissions: "ShareOwnGroups,EditConnections,EditFullProfile,ViewOwnConnections",
      lastAccessAt: undefined,
    };
    this.accounts.set(userid, account);
    return account;
  }

  createGroup(input: GroupInput): Group {
    const owner = this.requireAccount(input.ownerUserid);
    const id = input.id ?? `g${this.#nextGroupNumber}`;
    if (this.groups.has(id)) throw new Error(`Group ${id} exists.`);
    this.#nextGroupNumber = Math.max(this.#nextGroupNumber, Number(id.slice(1)) + 1);
    const group: Group = {
      id,
      name: input.name,
      companyId: owner.companyId,
      ownerUserid: owner.userid,
      sharedWith: input.sharedWith ?? [],
    };
    this.groups.set(id, group);
    return group;
  }

  /** Creates the module, or redesigns it when the company already has one with this id. */
  saveCustomModule(input: CustomModuleInput): CustomModule {
    const owner = this.requireAccount(input.ownerUserid);
    const existing = this.customModules.get(input.id);
    if (existing && existing.companyId !== owner.companyId)
      throw new Error(`Module ${input.id} belongs to another company.`);
    if (input.logoUrl !== undefined && !/^https?:$/.test(URL.parse(input.logoUrl)?.protocol ?? ""))
      throw new Error(`Not an http(s) logo address: ${input.logoUrl}`);
    const module: CustomModule = {
      id: input.id,
      companyId: owner.companyId,
      displayName: input.displayName,
      logoUrl: input.logoUrl,
    };
    this.customModules.set(module.id, module);
    return module;
  }

  /** The module a session of `companyId` names, if that company has it. */
  customModuleOf(companyId: string, id: string | undefined): CustomModule | undefined {
    const module = id === undefined ? undefined : this.customModules.get(id);
    return module?.companyId === companyId ? module : undefined;
  }

  toSnapshot(): WorldSnapshot {
    return {
      companies: [...this.companies.values()],
      accounts: [...this.accounts.values()],
      groups: [...this.groups.values()],
      customModules: [...this.customModules.values()],
      next: { user: this.#nextUserNumber, group: this.#nextGroupNumber, company: this.#nextCompanyNumber },
    };
  }

  /** Fills an empty world from a snapshot. */
  restore(snapshot: WorldSnapshot): void {
    for (const company of snapshot.companies) this.companies.set(company.id, company);
    for (const account of snapshot.accounts) this.accounts.set(account.userid, account);
    for (const group of snapshot.groups) this.groups.set(group.id, group);
    for (const module of snapshot.customModules) this.customModules.set(module.id, module);
    this.#nextUserNumber = snapshot.next.user;
    this.#nextGroupNumber = snapshot.next.group;
    this.#nextCompanyNumber = snapshot.next.company;
  }

  requireAccount(userid: string): Account {
    const account = this.accounts.get(userid);
    if (!account) throw new Error(`No account ${userid}.`);
    return account;
  }

  findAccountByEmail(email: string): Account | undefined {
    const wanted = email.trim().toLowerCase();
    for (const account of this.accounts.values()) if (account.email.toLowerCase() === wanted) return account;
    return undefined;
  }

  companyAccounts(companyId: string): Account[] {
    return [...this.accounts.values()].filter((account) => account.companyId === companyId);
  }

  companyName(companyId: string): string {
    return this.companies.get(companyId)?.name ?? "";
  }

  #companyNamed(name: string): Company {
    for (const company of this.companies.values()) if (company.name === name) return company;
    const company = { id: `company-${this.#nextCompanyNumber++}`, name };
    this.companies.set(company.id, company);
    return company;
  }

  #takeUserId(): string {
    while (this.accounts.has(`u${this.#nextUserNumber}`)) this.#nextUserNumber++;
    return `u${this.#nextUserNumber}`;
  }
}
