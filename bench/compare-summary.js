// Reads bench/compare.sh's run lines on stdin and prints one summary line per transport: each round's figures against
// the peer of the same round, their medians, and issue 6's verdicts (3× the peer's dialogs/s, at most a third of its
// turn p99, webhook ack p99 ≤ 10 ms, nothing lost or duplicated) and BENCH.md's absolute ones.
'use strict';

const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(l => l.trim().startsWith('{'));
const runs = lines.map(l => JSON.parse(l));

const median = values => {
  const sorted = values.filter(v => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round2 = v => (v === null ? null : Math.round(v * 100) / 100);
const verdict = ok => (ok ? 'met' : 'not met');

const peers = new Map(runs.filter(r => r.service === 'peer').map(r => [r.round, r.run]));
const transports = [...new Set(runs.filter(r => r.service === 'phanhoi').map(r => r.transport))];

for (const transport of transports) {
  const rounds = runs
    .filter(r => r.service === 'phanhoi' && r.transport === transport)
    .map(r => ({ round: r.round, ours: r.run, peer: peers.get(r.round) }));
  const failed = rounds.filter(r => !r.ours || !r.peer).map(r => r.round);
  const measured = rounds.filter(r => r.ours && r.peer);
  const perRound = measured.map(({ round, ours, peer }) => ({
    round,
    dialogsPerSecond: ours.dialogsPerSecond,
    peerDialogsPerSecond: peer.dialogsPerSecond,
    timesPeer: round2(ours.dialogsPerSecond / peer.dialogsPerSecond),
    turnP99Ms: ours.turnMs.p99,
    peerTurnP99Ms: peer.turnMs.p99,
    turnP99OfPeer: round2(ours.turnMs.p99 / peer.turnMs.p99),
    ackP99Ms: transport === 'api' ? null : ours.ackMs.p99,
    machineUsPerTurn: ours.cpuUsPerTurn?.machine ?? null,
    peerMachineUsPerTurn: peer.cpuUsPerTurn?.machine ?? null,
    // what a turn cost the whole machine (service, databases, driver) on the peer, in our turns
    peerMachineCostTimesOurs: ours.cpuUsPerTurn && peer.cpuUsPerTurn
      ? round2(peer.cpuUsPerTurn.machine / ours.cpuUsPerTurn.machine) : null,
  }));
  const timesPeer = round2(median(perRound.map(r => r.timesPeer)));
  const turnOfPeer = round2(median(perRound.map(r => r.turnP99OfPeer)));
  const ack = transport === 'api' ? null : round2(median(perRound.map(r => r.ackP99Ms)));
  const dialogs = round2(median(perRound.map(r => r.dialogsPerSecond)));
  const turnP99 = round2(median(perRound.map(r => r.turnP99Ms)));
  const users = measured[0]?.ours.users;
  const sum = field => measured.reduce((total, r) => total + (r.ours[field] ?? 0), 0);
  const clean = sum('errors') === 0 && sum('lost') === 0 && sum('duplicated') === 0;

  const summary = {
    summary: transport,
    users,
    rounds: perRound,
    failedRounds: failed, // a run that printed no figures (its log says why); the verdicts use the others
    median: {
      timesPeer,
      turnP99OfPeer: turnOfPeer,
      ackP99Ms: ack,
      dialogsPerSecond: dialogs,
      turnP99Ms: turnP99,
      peerMachineCostTimesOurs: round2(median(perRound.map(r => r.peerMachineCostTimesOurs))),
    },
    errors: sum('errors'),
    lost: sum('lost'),
    duplicated: sum('duplicated'),
    issue6: {
      threeTimesPeer: verdict(timesPeer !== null && timesPeer >= 3),
      thirdOfPeerTurnP99: verdict(turnOfPeer !== null && turnOfPeer <= 1 / 3),
      ...(transport === 'api' ? {} : { ackP99AtMost10Ms: verdict(ack !== null && ack <= 10) }),
      nothingLostOrDuplicated: verdict(clean),
    },
    benchMd: users === 200
      ? { atLeast300DialogsPerSecond: verdict(dialogs >= 300), turnP99AtMost110Ms: verdict(turnP99 <= 110) }
      : users === 50 ? { turnP99AtMost40Ms: verdict(turnP99 <= 40) } : {},
  };
  console.log(JSON.stringify(summary));
}
