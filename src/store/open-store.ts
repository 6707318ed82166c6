/**
 * `--db` → a store: nothing gives DuckDB in memory, `clickhouse://[user[:password]@]HOST[:PORT]/DB` gives
 * ClickHouse over HTTP (port 8123 by default), anything else is a DuckDB file path.
 */
import { UsageError } from "../diagnostics/errors.js";
import { ClickHouseStore, type ClickHouseTarget } from "./clickhouse-store.js";
import { DuckDbStore } from "./duckdb-store.js";
import type { Store } from "./store.js";

export function parseClickHouseUrl(spec: string): ClickHouseTarget {
  let u: URL;
  try {
    u = new URL(spec.replace(/^clickhouse:/, "http:"));
  } catch {
    throw new UsageError(`--db ${JSON.stringify(spec)} is not a valid clickhouse://HOST:PORT/DB address`);
  }
  const database = u.pathname.replace(/^\//, "") || "sipta";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new UsageError(`--db: ClickHouse database name ${JSON.stringify(database)} must be letters, digits and _`);
  return {
    url: `http://${u.hostname}:${u.port === "" ? "8123" : u.port}`, // hostname keeps IPv6 brackets
    database,
    ...(u.username === "" ? {} : { username: decodeURIComponent(u.username) }),
    ...(u.password === "" ? {} : { password: decodeURIComponent(u.password) }),
  };
}

export function isClickHouseSpec(spec: string | undefined): boolean {
  return spec?.startsWith("clickhouse://") === true;
}

export async function openStore(spec: string | undefined): Promise<Store> {
  if (spec === undefined || spec === "") return DuckDbStore.open(null);
  if (isClickHouseSpec(spec)) return ClickHouseStore.open(parseClickHouseUrl(spec));
  return DuckDbStore.open(spec);
}
