// Which accompanier takes which meeting, as a flow problem: meetings at a slot need distinct
// accompaniers free at that slot, and each accompanier has at most maxMeetingsPerDay meetings a day.
// A maximum flow says whether a set of meetings can all be staffed, and by whom.

export interface StaffingInput {
  /** The slot of each meeting to staff. */
  meetingSlots: readonly number[];
  /** dayOf[slot] = index of the slot's day. */
  dayOf: readonly number[];
  /** free[k][slot]: accompanier k can take a meeting at that slot. */
  free: ReadonlyArray<ArrayLike<number>>;
  /** capacity[k][day]: meetings accompanier k can still take that day. */
  capacity: ReadonlyArray<ArrayLike<number>>;
  /** A valid staffing of some of the meetings to start from (usually all but the new one). */
  initial?: ReadonlyArray<number | undefined>;
}

/** For each meeting, the accompanier index; undefined when they cannot all be staffed. */
export function assignStaff(input: StaffingInput): number[] | undefined {
  const { meetingSlots, dayOf, free, capacity } = input;
  const slotIds = [...new Set(meetingSlots)].sort((a, b) => a - b);
  const K = free.length;
  const D = capacity[0]?.length ?? 0;
  // Nodes: source, one per used slot, one per (accompanier, day), sink.
  const src = 0;
  const slotNode = new Map(slotIds.map((s, i) => [s, 1 + i]));
  const kdNode = (k: number, d: number) => 1 + slotIds.length + k * D + d;
  const sink = 1 + slotIds.length + K * D;
  const n = sink + 1;
  const head = new Int32Array(n).fill(-1);
  const to: number[] = [];
  const cap: number[] = [];
  const next: number[] = [];
  const edgeOf = new Map<number, number>();
  const addEdge = (u: number, v: number, c: number) => {
    edgeOf.set(u * n + v, to.length);
    to.push(v); cap.push(c); next.push(head[u]!); head[u] = to.length - 1;
    to.push(u); cap.push(0); next.push(head[v]!); head[v] = to.length - 1;
  };
  const demand = new Map<number, number>();
  for (const s of meetingSlots) demand.set(s, (demand.get(s) ?? 0) + 1);
  for (const s of slotIds) {
    addEdge(src, slotNode.get(s)!, demand.get(s)!);
    for (let k = 0; k < K; k++) if (free[k]![s]) addEdge(slotNode.get(s)!, kdNode(k, dayOf[s]!), 1);
  }
  for (let k = 0; k < K; k++) for (let d = 0; d < D; d++) if (capacity[k]![d]! > 0) addEdge(kdNode(k, d), sink, capacity[k]![d]!);
  // Start from the given staffing, so that usually one augmenting path is left to find.
  let flow = 0;
  const find = (u: number, v: number) => edgeOf.get(u * n + v) ?? -1;
  input.initial?.forEach((k, i) => {
    if (k === undefined) return;
    const s = meetingSlots[i]!;
    const path = [find(src, slotNode.get(s)!), find(slotNode.get(s)!, kdNode(k, dayOf[s]!)), find(kdNode(k, dayOf[s]!), sink)];
    if (path.some((e) => e < 0 || cap[e]! <= 0)) return;
    for (const e of path) {
      cap[e]! -= 1;
      cap[e ^ 1]! += 1;
    }
    flow++;
  });
  // Edmonds–Karp: the graph is small (slots × accompaniers), the flow at most the number of meetings.
  const prevEdge = new Int32Array(n);
  for (;;) {
    prevEdge.fill(-1);
    const queue = [src];
    const seen = new Uint8Array(n);
    seen[src] = 1;
    while (queue.length && !seen[sink]) {
      const u = queue.shift()!;
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        const v = to[e]!;
        if (!seen[v] && cap[e]! > 0) {
          seen[v] = 1;
          prevEdge[v] = e;
          queue.push(v);
        }
      }
    }
    if (!seen[sink]) break;
    for (let v = sink; v !== src; v = to[prevEdge[v]! ^ 1]!) {
      cap[prevEdge[v]!]! -= 1;
      cap[prevEdge[v]! ^ 1]! += 1;
    }
    flow++;
  }
  if (flow < meetingSlots.length) return undefined;
  // Read the assignment off the slot → (accompanier, day) edges that carry flow.
  const bySlot = new Map<number, number[]>();
  for (const s of slotIds) {
    const list: number[] = [];
    for (let e = head[slotNode.get(s)!]!; e !== -1; e = next[e]!) {
      const v = to[e]!;
      if (e % 2 === 0 && v !== src && cap[e] === 0) list.push(Math.floor((v - 1 - slotIds.length) / D));
    }
    bySlot.set(s, list.sort((a, b) => a - b));
  }
  return meetingSlots.map((s) => bySlot.get(s)!.shift()!);
}
