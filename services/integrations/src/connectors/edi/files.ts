import { randomUUID } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { ConnectorError } from "../outcome.ts";

/**
 * Writes a file so a partner's pick-up never sees half of it: the bytes go to a hidden temp file
 * in the same directory, flushed to disk, then renamed over the final name (atomic on POSIX). A
 * failure leaves no final file and is the system's unavailability: tried again on the schedule.
 */
export async function writeAtomically(directory: string, name: string, text: string) {
  const temp = join(directory, `.${name}.${randomUUID()}.tmp`);
  try {
    const file = await open(temp, "wx");
    try {
      await file.writeFile(text, "utf8");
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, join(directory, name));
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw new ConnectorError(
      "unavailable",
      `cannot write ${name} into ${directory}: ${(error as Error).message}`,
    );
  }
}

/** The files waiting in an inbound directory (hidden and temp files left alone), by name. */
export async function waitingFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
}

export const readText = (directory: string, name: string) =>
  readFile(join(directory, name), "utf8");

/** Moves a read file into a subdirectory (`processed`, `unreadable`) so it is read once. */
export async function setAside(directory: string, name: string, into: string) {
  await mkdir(join(directory, into), { recursive: true });
  await rename(join(directory, name), join(directory, into, name));
}
