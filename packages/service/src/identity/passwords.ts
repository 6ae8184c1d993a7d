/**
 * Password hashing with scrypt, the memory-hard function built into Node's crypto.
 *
 * Parameters: N = 2^17, r = 8, p = 1, a 16-byte random salt and a 32-byte result, the OWASP
 * Password Storage Cheat Sheet's scrypt recommendation
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt):
 * about 128 MiB of memory per hash, which is what makes GPU guessing expensive.
 *
 * Encoded in a PHC-style string that carries its own parameters and salt:
 *   $scrypt$ln=17,r=8,p=1$<salt base64>$<hash base64>
 * so the defaults can be raised later without invalidating stored hashes; `needsRehash` says
 * when a hash should be upgraded at the user's next successful login.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

export interface ScryptParameters {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

export const defaultScryptParameters: ScryptParameters = { logN: 17, r: 8, p: 1 };

/**
 * What use-cases that hash passwords take. Only tests set `passwordHashing`, to cheaper
 * parameters: a full-cost hash per sign-in would dominate the test suite's run time. There is
 * deliberately no configuration variable for it.
 */
export interface PasswordHashingDeps {
  passwordHashing?: ScryptParameters;
}

export function scryptParametersOf(deps: PasswordHashingDeps): ScryptParameters {
  return deps.passwordHashing ?? defaultScryptParameters;
}

const saltLength = 16;
const hashLength = 32;
// Upper bounds for parameters read back from the database, so a tampered hash cannot make a
// login attempt allocate gigabytes.
const limits: ScryptParameters = { logN: 20, r: 16, p: 4 };

/** Hashes `password` with fresh salt. Pass `parameters` only in tests (to run fast) or to raise cost. */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = defaultScryptParameters,
): Promise<string> {
  const salt = randomBytes(saltLength);
  const hash = await deriveKey(password, salt, parameters);
  const { logN, r, p } = parameters;
  return `$scrypt$ln=${logN},r=${r},p=${p}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

/** Constant-time check of `password` against an encoded hash; false for malformed hashes too. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseEncodedHash(encoded);
  if (parsed === undefined) return false;
  const candidate = await deriveKey(password, parsed.salt, parsed.parameters);
  return candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
}

/** True when `encoded` was made with weaker parameters than `current` (or cannot be read). */
export function needsRehash(encoded: string, current: ScryptParameters = defaultScryptParameters): boolean {
  const parsed = parseEncodedHash(encoded);
  if (parsed === undefined) return true;
  const { logN, r, p } = parsed.parameters;
  return logN < current.logN || r < current.r || p < current.p;
}

function deriveKey(password: string, salt: Buffer, { logN, r, p }: ScryptParameters): Promise<Buffer> {
  const N = 2 ** logN;
  // Node refuses to use more than `maxmem` (default 32 MiB); scrypt needs 128·N·r bytes.
  const maxmem = 256 * N * r;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, hashLength, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const encodedPattern = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function parseEncodedHash(
  encoded: string,
): { parameters: ScryptParameters; salt: Buffer; hash: Buffer } | undefined {
  const match = encodedPattern.exec(encoded);
  if (match === null) return undefined;
  const [, logN, r, p, salt, hash] = match;
  const parameters = { logN: Number(logN), r: Number(r), p: Number(p) };
  const isWithinLimits =
    parameters.logN >= 1 &&
    parameters.logN <= limits.logN &&
    parameters.r >= 1 &&
    parameters.r <= limits.r &&
    parameters.p >= 1 &&
    parameters.p <= limits.p;
  if (!isWithinLimits || salt === undefined || hash === undefined) return undefined;
  return { parameters, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") };
}
