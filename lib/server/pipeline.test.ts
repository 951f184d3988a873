import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { pipeline, type RequestStep } from "./pipeline";

type Recorded = { status?: number; body?: string; ended: boolean; destroyed: boolean };

function fakeExchange() {
  const recorded: Recorded = { ended: false, destroyed: false };
  const response = {
    headersSent: false,
    writeHead(status: number) {
      recorded.status = status;
      response.headersSent = true;
      return response;
    },
    end(body?: string) {
      recorded.body = body;
      recorded.ended = true;
    },
    destroy() {
      recorded.destroyed = true;
    },
  };
  return { request: { method: "GET", url: "/" } as IncomingMessage, response: response as unknown as ServerResponse, recorded };
}

const answers: RequestStep = (_request, response) => {
  response.writeHead(200);
  response.end("from the step");
  return true;
};
const passes: RequestStep = () => false;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the app server's request pipeline", () => {
  it("answers within the call when every step up to the answering one is synchronous (no promise on the fast path)", () => {
    const last = vi.fn();
    const { request, response, recorded } = fakeExchange();
    pipeline([passes, answers, passes], last)(request, response);
    // Checked before any microtask could run: the answer is already written.
    expect(recorded).toMatchObject({ status: 200, body: "from the step", ended: true });
    expect(last).not.toHaveBeenCalled();
  });

  it("runs the steps in order and hands the request to the last handler within the call when none answers", () => {
    const order: string[] = [];
    const step = (name: string): RequestStep => () => (order.push(name), false);
    const { request, response } = fakeExchange();
    pipeline([step("a"), step("b")], () => order.push("next"))(request, response);
    expect(order).toEqual(["a", "b", "next"]);
  });

  it("waits for a step that returns a promise before running the later steps", async () => {
    const order: string[] = [];
    let release!: (handled: boolean) => void;
    const slow: RequestStep = () => new Promise<boolean>((resolve) => (release = resolve));
    const { request, response } = fakeExchange();
    pipeline([slow, () => (order.push("after"), false)], () => order.push("next"))(request, response);
    await settle();
    expect(order).toEqual([]);
    release(false);
    await settle();
    expect(order).toEqual(["after", "next"]);
  });

  it("stops at an asynchronous step that answers", async () => {
    const last = vi.fn();
    const { request, response, recorded } = fakeExchange();
    pipeline([async (req, res) => answers(req, res), passes], last)(request, response);
    await settle();
    expect(recorded.body).toBe("from the step");
    expect(last).not.toHaveBeenCalled();
  });

  it.each([
    ["a step that throws", [() => { throw new Error("boom"); }] as RequestStep[], () => undefined],
    ["a step that rejects", [() => Promise.reject(new Error("boom"))] as RequestStep[], () => undefined],
    ["a handler that throws", [passes], () => { throw new Error("boom"); }],
    ["a handler that rejects", [passes], () => Promise.reject(new Error("boom"))],
  ])("answers 500 for %s, and logs it", async (_name, steps, last) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { request, response, recorded } = fakeExchange();
    pipeline(steps, last)(request, response);
    await settle();
    expect(recorded.status).toBe(500);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("cuts the connection instead when the failure comes after the headers went out", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { request, response, recorded } = fakeExchange();
    pipeline([passes], (_req, res) => {
      res.writeHead(200);
      return Promise.reject(new Error("mid-stream"));
    })(request, response);
    await settle();
    expect(recorded).toMatchObject({ status: 200, destroyed: true, ended: false });
    log.mockRestore();
  });
});
