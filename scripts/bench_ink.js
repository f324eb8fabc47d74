// The inkjs side of scripts/bench.py: compile the synthetic story's ink and play it as bench.py plays ours.
//
//     node scripts/bench_ink.js INKJS_DIR STORY.ink [MIN_LINES] [SEED]
//
// INKJS_DIR is a folder where `npm install inkjs` ran (bench.py makes a temporary one; nothing is
// committed).  Prints one JSON object: the first compile in this process (cold, as our cold load is the
// first load in a fresh process), the best of a few more (warm), and seeded random playthroughs' lines
// per second (the best of three windows of MIN_LINES lines): every Continue() that gives text counts as a
// line, choices are taken uniformly among the ones shown, the story restarts at each end.  CPU seconds
// (process.cpuUsage) are printed beside wall seconds because the machine may be shared.
"use strict";
const fs = require("fs");
const path = require("path");

const [inkjsDir, storyPath, minLinesArg, seedArg] = process.argv.slice(2);
const inkRequire = require("module").createRequire(path.join(path.resolve(inkjsDir), "package.json"));
const { Compiler } = inkRequire("inkjs/full");
const source = fs.readFileSync(storyPath, "utf8");
const minLines = Number(minLinesArg || 200000);
let seed = Number(seedArg || 1) >>> 0;

function random() { // mulberry32: a small seeded generator, so runs repeat
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function timed(work) {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, seconds: Number(process.hrtime.bigint() - wall) / 1e9, cpu: (used.user + used.system) / 1e6 };
}

function compile() {
  const compiler = new Compiler(source);
  const story = compiler.Compile();
  if (compiler.errors.length) throw new Error(compiler.errors.join("\n"));
  return story;
}

const cold = timed(compile);
let warm = null;
for (let i = 0; i < 3; i++) {
  const again = timed(compile);
  if (warm === null || again.cpu < warm.cpu) warm = again;
}
const story = cold.value;
let playthroughs = 0;
function playWindow() { // minLines lines of seeded random play, going on from where the last window stopped
  let lines = 0;
  while (lines < minLines) {
    if (story.canContinue) {
      if (story.Continue().trim()) lines++;
    } else if (story.currentChoices.length) {
      story.ChooseChoiceIndex(Math.floor(random() * story.currentChoices.length));
    } else {
      playthroughs++;
      story.ResetState();
    }
  }
  return lines;
}
// the best of WINDOWS windows, as bench.py takes ours: a burst of load on a shared machine spoils one
const WINDOWS = 3;
let play = null, playCpu = null;
for (let i = 0; i < WINDOWS; i++) {
  const window = timed(playWindow);
  if (play === null || window.seconds < play.seconds) play = window;
  if (playCpu === null || window.cpu < playCpu.cpu) playCpu = window;
}
console.log(JSON.stringify({
  inkjs: JSON.parse(fs.readFileSync(path.join(path.resolve(inkjsDir), "node_modules", "inkjs", "package.json"))).version,
  node: process.version,
  compile_seconds: cold.seconds, compile_cpu_seconds: cold.cpu,
  warm_compile_seconds: warm.seconds, warm_compile_cpu_seconds: warm.cpu,
  lines: play.value, playthroughs, windows: WINDOWS,
  lines_per_second: Math.round(play.value / play.seconds),
  lines_per_cpu_second: Math.round(playCpu.value / playCpu.cpu),
}));
