// Which accompanier takes which meeting, as a flow problem: meetings at a slot need distinct
// accompaniers free at that slot, and each accompanier has at most maxMeetingsPerDay meetings a day.
// A maximum flow says whether a set of meetings can all be staffed, and by whom.
//
// The network (source → slot → (accompanier, day) → sink) is never built: the scheduler asks this
// thousands of times per run with one meeting more than a staffing it already has, so the flow is kept
// as arrays and the search walks the edges where they are implied. The walk visits them in the order an
// adjacency list built slot by slot, accompanier by accompanier would hold them (the newest edge first),
// so the staffing found is the one that list-based Edmonds–Karp finds (test/unit/staffing.test.ts).

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
  const K = free.length;
  const D = capacity[0]?.length ?? 0;
  let nS = dayOf.length;
  for (const s of meetingSlots) nS = Math.max(nS, s + 1);
  // demand[s]: meetings at slot s (the source → slot capacity); fromSrc[s]: flow on that edge.
  // on[s * K + k]: slot s → (k, its day) carries flow, i.e. k takes a meeting at s; kdFlow[k * D + d]: k's meetings on day d.
  const { demand, fromSrc, on, kdFlow, prev, seen, queue, next } = buffers(nS, K, D);
  for (const s of meetingSlots) demand[s]! += 1;
  const used: number[] = [];
  for (let s = 0; s < nS; s++) if (demand[s]! > 0) used.push(s);
  // Per day, its used slots latest first: the order the reverse edges sit in an (accompanier, day) node's list.
  const usedOnDay: number[][] = Array.from({ length: D }, () => []);
  for (let j = used.length - 1; j >= 0; j--) usedOnDay[dayOf[used[j]!]!]?.push(used[j]!);
  const toSink = (k: number, d: number) => capacity[k]![d]! > 0 && kdFlow[k * D + d]! < capacity[k]![d]!;

  // Start from the given staffing, so that usually one augmenting path is left to find.
  let flow = 0;
  input.initial?.forEach((k, i) => {
    if (k === undefined || k < 0 || k >= K) return;
    const s = meetingSlots[i]!;
    const d = dayOf[s]!;
    if (fromSrc[s]! >= demand[s]! || !free[k]![s] || on[s * K + k] || !toSink(k, d)) return;
    fromSrc[s]! += 1;
    on[s * K + k] = 1;
    kdFlow[k * D + d]! += 1;
    flow++;
  });

  // Edmonds–Karp. Nodes: 0 source, 1 + s slot s, 1 + nS + k * D + d the pair (k, d), sink last.
  const kd0 = 1 + nS;
  const sink = kd0 + K * D;
  const visit = (v: number, u: number, q: number): number => {
    seen[v] = 1;
    prev[v] = u;
    queue[q] = v;
    return q + 1;
  };
  for (;;) {
    seen.fill(0);
    seen[0] = 1;
    let qHead = 0;
    let qTail = visit(0, -1, 0);
    while (qHead < qTail && !seen[sink]) {
      const u = queue[qHead++]!;
      if (u === 0) {
        for (let j = used.length - 1; j >= 0; j--) {
          const s = used[j]!;
          if (fromSrc[s]! < demand[s]! && !seen[1 + s]) qTail = visit(1 + s, 0, qTail);
        }
      } else if (u < kd0) {
        // A slot: its (accompanier, day) pairs, the last accompanier first (the edge back to the source leads nowhere new).
        const s = u - 1;
        const d = dayOf[s]!;
        for (let k = K - 1; k >= 0; k--) {
          const v = kd0 + k * D + d;
          if (free[k]![s] && !on[s * K + k] && !seen[v]) qTail = visit(v, u, qTail);
        }
      } else {
        // An (accompanier, day) pair: the sink first, then back along the slots it already takes, the latest first.
        const k = Math.floor((u - kd0) / D);
        const d = (u - kd0) % D;
        if (toSink(k, d)) {
          visit(sink, u, qTail);
          break;
        }
        for (const s of usedOnDay[d]!) if (on[s * K + k] && !seen[1 + s]) qTail = visit(1 + s, u, qTail);
      }
    }
    if (!seen[sink]) break;
    for (let v = sink; v !== 0; v = prev[v]!) {
      const u = prev[v]!;
      if (u === 0) fromSrc[v - 1]! += 1;
      else if (v === sink) kdFlow[u - kd0]! += 1;
      else if (u < kd0) on[(u - 1) * K + Math.floor((v - kd0) / D)] = 1;
      else on[(v - 1) * K + Math.floor((u - kd0) / D)] = 0;
    }
    flow++;
  }
  if (flow < meetingSlots.length) return undefined;
  // Read the assignment off the slots: each slot's accompaniers in order, to its meetings in order.
  return meetingSlots.map((s) => {
    let k = next[s]!;
    while (!on[s * K + k]) k++;
    next[s] = k + 1;
    return k;
  });
}

type Buffers = Record<'demand' | 'fromSrc' | 'kdFlow' | 'prev' | 'queue' | 'next', Int32Array> & Record<'on' | 'seen', Uint8Array> & { sizes: string };
let kept: Buffers | undefined;

/** The flow's arrays, zeroed: kept between calls of the same size (thousands of checks per run, one size). */
function buffers(nS: number, K: number, D: number): Buffers {
  const sizes = `${nS}|${K}|${D}`;
  const nodes = 2 + nS + K * D;
  if (kept?.sizes !== sizes) {
    kept = { sizes, demand: new Int32Array(nS), fromSrc: new Int32Array(nS), on: new Uint8Array(nS * K), kdFlow: new Int32Array(K * D),
      prev: new Int32Array(nodes), seen: new Uint8Array(nodes), queue: new Int32Array(nodes), next: new Int32Array(nS) };
    return kept;
  }
  // prev, seen and queue are set before they are read in every search.
  kept.demand.fill(0);
  kept.fromSrc.fill(0);
  kept.on.fill(0);
  kept.kdFlow.fill(0);
  kept.next.fill(0);
  return kept;
}
