/**
 * A real Bazel-protocol HTTP cache for tests: Debian's nginx with WebDAV
 * (`dav_methods PUT`), on a free loopback port, its files in a temporary
 * directory — the setup firmware CI uses for ccache / sccache / Bazel.
 *
 * @module
 */

/** A running nginx cache. */
export interface WebDavCache {
  /** Base URL of the cache (`…/cache`). */
  url: string;
  /** Directory the cache's files live in (`ac/`, `cas/`). */
  dataDir: string;
  stop(): Promise<void>;
}

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/**
 * Starts nginx serving a WebDAV cache.
 *
 * @example
 * ```ts
 * import { startWebDavCache } from "./webdav_cache.ts";
 * const cache = await startWebDavCache();
 * console.log(cache.url);
 * await cache.stop();
 * ```
 */
export async function startWebDavCache(): Promise<WebDavCache> {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-nginx-" });
  await Deno.mkdir(`${dir}/data/cache`, { recursive: true });
  await Deno.mkdir(`${dir}/tmp`, { recursive: true });
  const port = freePort();
  await Deno.writeTextFile(
    `${dir}/nginx.conf`,
    `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/data;
    location /cache/ {
      dav_methods PUT;
      create_full_put_path on;
      client_max_body_size 0;
    }
  }
}
`,
  );
  // Debian installs nginx in /usr/sbin, which a non-root PATH may not list.
  const nginx = await Deno.stat("/usr/sbin/nginx").then(() => "/usr/sbin/nginx", () => "nginx");
  const child = new Deno.Command(nginx, {
    args: ["-e", `${dir}/error.log`, "-p", dir, "-c", `${dir}/nginx.conf`],
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const url = `http://127.0.0.1:${port}/cache`;
  const stop = async () => {
    try {
      child.kill("SIGTERM");
    } catch {
      // already gone
    }
    await child.output().catch(() => {});
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  };
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${url}/ready`);
      await res.body?.cancel();
      return { url, dataDir: `${dir}/data/cache`, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  await stop();
  throw new Error(`nginx did not start on port ${port}`);
}
