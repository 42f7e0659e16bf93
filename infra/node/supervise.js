#!/usr/bin/env node
// Usage: node supervise.js <script> [args…]
//
// Runs `node <script> args…` as a child whose life is tied to whoever started us.
// A JVM that starts a Node server cannot promise to stop it: on SIGKILL (or a crash)
// no shutdown hook runs and the server would live on, holding its port and its
// LevelDB lock. What the kernel does promise is to close the JVM's end of our stdin
// pipe. So the parent keeps our stdin open as a pipe, and when it reaches end of
// file we stop the child and exit. SIGTERM/SIGINT are passed on to the child, and
// we exit with the child's status so the parent sees how the server ended.
'use strict'

const { spawn } = require('node:child_process')
const os = require('node:os')

const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('usage: node supervise.js <script> [args…]')
  process.exit(2)
}

const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'inherit', 'inherit'] })

function running () {
  return child.exitCode === null && child.signalCode === null
}

function stop (signal) {
  if (running()) child.kill(signal)
}

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stop(signal))

// The parent went away (or closed the pipe on purpose): stop the child, and make
// sure of it if it ignores SIGTERM.
function parentGone () {
  stop('SIGTERM')
  setTimeout(() => stop('SIGKILL'), 3000).unref()
}
process.stdin.on('end', parentGone)
process.stdin.on('close', parentGone)
process.stdin.on('error', parentGone)
process.stdin.resume() // 'end' only fires once the stream is flowing

child.on('error', (err) => {
  console.error(`supervise.js: cannot start ${script}: ${err.message}`)
  process.exit(1)
})

child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code)
  process.exit(128 + (os.constants.signals[signal] || 0))
})
