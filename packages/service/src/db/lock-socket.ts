/**
 * A Unix socket as a liveness proof: the kernel closes it when its process ends, however it ends
 * (SIGKILL, crash, power loss), so a socket file whose process is gone refuses connections. Unlike
 * a pid this needs no guessing: a reused pid, our own pid in a fresh container, or a process in
 * another pid namespace (another container sharing the volume) are all judged right.
 * docs/adr/0016-data-folder-lock.md explains the choice.
 */
import { createConnection, createServer, type Server } from "node:net";

/** What connecting to a lock socket showed. */
export type SocketProbe =
  | { state: "held"; holderPid: number | undefined }
  /** A socket (or other file) whose process is gone. */
  | { state: "dead" }
  /** Nothing at that path any more. */
  | { state: "gone" };

/** How long a holder may take to say its pid; a busy holder still counts as holding. */
const holderAnswerMs = 2_000;

/**
 * Listens on `socketPath`, answering every connection with our pid. Resolves to undefined when
 * the path exists already (`bind` fails with EADDRINUSE, so of several processes exactly one
 * wins a path). The server does not keep the process alive.
 */
export function listenOnLockSocket(socketPath: string): Promise<Server | undefined> {
  return new Promise((resolve, reject) => {
    const server = createServer((connection) => {
      connection.on("error", () => undefined);
      connection.end(`${process.pid}\n`);
    });
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") resolve(undefined);
      else reject(error);
    });
    server.listen(socketPath, () => {
      server.unref();
      resolve(server);
    });
  });
}

/** Connects to a lock socket to learn whether a live process holds it. */
export function probeLockSocket(socketPath: string): Promise<SocketProbe> {
  return new Promise((resolve, reject) => {
    const connection = createConnection(socketPath);
    let answer = "";
    let isConnected = false;
    const settleHeld = () => {
      clearTimeout(timer);
      connection.destroy();
      const pid = Number.parseInt(answer, 10);
      resolve({ state: "held", holderPid: Number.isSafeInteger(pid) && pid > 0 ? pid : undefined });
    };
    const timer = setTimeout(settleHeld, holderAnswerMs);
    timer.unref();
    connection.on("connect", () => {
      isConnected = true;
    });
    connection.on("data", (chunk: Buffer) => {
      answer += chunk.toString();
    });
    connection.on("end", settleHeld);
    connection.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (isConnected) return settleHeld();
      // ECONNREFUSED: nobody listens (its process died); ENOTSOCK: not a socket at all.
      if (error.code === "ECONNREFUSED" || error.code === "ENOTSOCK") return resolve({ state: "dead" });
      if (error.code === "ENOENT") return resolve({ state: "gone" });
      // EAGAIN (a full backlog) and anything else: someone may be there, so it is not ours.
      if (error.code === "EAGAIN") return resolve({ state: "held", holderPid: undefined });
      reject(error);
    });
  });
}
