/**
 * Request bodies sent in chunks (no Content-Length), past BODY_LIMIT_BYTES: the client gets its 413
 * and the connection stays usable; a client that keeps sending after the 413 is cut off instead of
 * being read until the request times out.
 */
import assert from "node:assert/strict";
import http from "node:http";
import net from "node:net";
import { describe, test } from "node:test";
import { useTestApp } from "./helpers/app.ts";

const LIMIT = 2048;
const served = useTestApp("pglite", { env: { BODY_LIMIT_BYTES: String(LIMIT) } });

interface Answer {
  status: number;
  body: string;
}

/** A chunked POST of `chunks` (written as fast as the socket takes them) on `agent`. */
function postChunked(agent: http.Agent, chunks: Iterable<string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: served.t.app.port, path: "/graphql", method: "POST", agent, headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (c: string) => (body += c)).on("end", () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe("chunked request bodies over BODY_LIMIT_BYTES", () => {
  test("get a 413 naming the limit, and the connection then answers the next request", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = postChunked(agent, Array.from({ length: 5 }, () => "x".repeat(1024)));
      const refused = await big;
      assert.equal(refused.status, 413);
      assert.match(JSON.parse(refused.body).errors[0].message, new RegExp(`larger than ${LIMIT} bytes`));
      const next = await postChunked(agent, [JSON.stringify({ query: "{ __typename }" })]);
      assert.equal(next.status, 200);
      assert.deepEqual(JSON.parse(next.body), { data: { __typename: "Query" } });
    } finally {
      agent.destroy();
    }
  });

  test("a client that keeps sending after its 413 is disconnected after about a megabyte", async () => {
    // Raw TCP: node's and curl's HTTP clients stop sending themselves once the answer has come.
    const MOST = 16 * 1024 * 1024; // far past the megabyte the service reads and drops after a 413
    const chunk = `${(64 * 1024).toString(16)}\r\n${"y".repeat(64 * 1024)}\r\n`;
    const written = await new Promise<number>((resolve) => {
      const socket = net.connect(served.t.app.port, "127.0.0.1");
      socket.on("error", () => {}); // the reset is what this test waits for
      socket.resume(); // the 413 is read and dropped
      socket.once("close", () => resolve(socket.bytesWritten));
      let sent = 0;
      const pump = (): void => {
        while (sent < MOST && !socket.destroyed) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once("drain", pump);
        }
        // All of it was taken: the service read it all. Close, and let the assertion say so.
        socket.end();
      };
      socket.once("connect", () => {
        socket.write("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        pump();
      });
    });
    assert.ok(written < MOST / 2, `the service read ${written} bytes before closing the connection`);
  });
});
