import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { getEnv } from "./env.server";

/**
 * Encrypts the access tokens of the brands' connected accounts at rest (AES-256-GCM, a random IV per value, the key
 * from CONNECTIONS_KEY). A stored value reads "v1.<iv>.<tag>.<ciphertext>" (base64url); a token is decrypted only to
 * call its API and is never sent to a browser.
 */
export class MissingConnectionsKey extends Error {
  constructor() {
    super("CONNECTIONS_KEY is not set: the server cannot store access tokens. Ask whoever runs Kindred to set it (32+ random characters).");
  }
}

function key() {
  const secret = getEnv().CONNECTIONS_KEY;
  if (!secret) throw new MissingConnectionsKey();
  return createHash("sha256").update(secret).digest();
}

export function canEncrypt() {
  return !!getEnv().CONNECTIONS_KEY;
}

export function encryptSecret(plain: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptSecret(stored: string) {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("The stored secret is not in a known format.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
