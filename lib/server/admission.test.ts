import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { createAdmissionGate } from "./admission";

type FakeResponse = EventEmitter & { destroyed: boolean; writableEnded: boolean };

function exchange() {
  const request = Object.assign(new EventEmitter(), { destroyed: false });
  const response: FakeResponse = Object.assign(new EventEmitter(), { destroyed: false, writableEnded: false });
  const finish = () => {
    response.writableEnded = true;
    response.emit("close");
  };
  const leave = () => {
    request.destroyed = true;
    response.destroyed = true;
    response.emit("close");
  };
  return { request: request as unknown as IncomingMessage, response: response as unknown as ServerResponse, finish, leave };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
async function turns(count: number) {
  for (let index = 0; index < count; index++) await nextTurn();
}

/** Sends `count` requests through the gate; records the order in which they were let in. */
function arrive(gate: ReturnType<typeof createAdmissionGate>, count: number) {
  const admitted: number[] = [];
  const exchanges = Array.from({ length: count }, (_, index) => {
    const one = exchange();
    void Promise.resolve(gate.step(one.request, one.response)).then((handled) => {
      if (!handled) admitted.push(index);
    });
    return one;
  });
  return { admitted, exchanges };
}

describe("fair admission to Next.js", () => {
  it("lets in at most `concurrency` requests, and the rest in arrival order as slots free up", async () => {
    const gate = createAdmissionGate({ concurrency: 2, holdLimitMs: 60_000 });
    const { admitted, exchanges } = arrive(gate, 5);
    await turns(5);
    expect(admitted).toEqual([0, 1]);
    expect(gate.waiting()).toBe(3);
    exchanges[1]!.finish();
    await turns(3);
    expect(admitted).toEqual([0, 1, 2]);
    exchanges[0]!.finish();
    exchanges[2]!.finish();
    await turns(5);
    expect(admitted).toEqual([0, 1, 2, 3, 4]);
    expect(gate.inside()).toBe(2);
  });

  it("lets in one request per loop turn, so the poll phase (where connections are accepted) runs between admissions", async () => {
    const gate = createAdmissionGate({ concurrency: 10, holdLimitMs: 60_000 });
    const { admitted } = arrive(gate, 4);
    await nextTurn();
    expect(admitted.length).toBeLessThanOrEqual(1);
    await turns(6);
    expect(admitted).toEqual([0, 1, 2, 3]);
  });

  it("gives a slot back once, however often the response reports closing", async () => {
    const gate = createAdmissionGate({ concurrency: 1, holdLimitMs: 60_000 });
    const { admitted, exchanges } = arrive(gate, 3);
    await turns(3);
    exchanges[0]!.finish();
    exchanges[0]!.finish();
    await turns(3);
    expect(admitted).toEqual([0, 1]);
    expect(gate.inside()).toBe(1);
  });

  it("skips a request whose client left while it waited, without taking a slot", async () => {
    const gate = createAdmissionGate({ concurrency: 1, holdLimitMs: 60_000 });
    const { admitted, exchanges } = arrive(gate, 3);
    await turns(3);
    exchanges[1]!.leave(); // gave up while queued behind request 0
    exchanges[0]!.finish();
    await turns(4);
    expect(admitted).toEqual([0, 2]);
    expect(gate.inside()).toBe(1);
    expect(gate.waiting()).toBe(0);
  });

  it("gives a slot back after the hold limit, so a slow response cannot stall the others", async () => {
    const gate = createAdmissionGate({ concurrency: 1, holdLimitMs: 30 });
    const { admitted } = arrive(gate, 2);
    await turns(3);
    expect(admitted).toEqual([0]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await turns(3);
    expect(admitted).toEqual([0, 1]);
  });
});
