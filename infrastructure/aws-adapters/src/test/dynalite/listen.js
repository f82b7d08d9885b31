// Starts dynalite (in memory, tables active at once) on a loopback port the OS picks and prints
// "listening on <port>": the tests read the port from that line instead of choosing a "free" port
// that another process could take before dynalite binds it (dynalite's own CLI turns --port 0
// into its default 4567).
const dynalite = require('dynalite')

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
server.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port))

// The test JVM holds our stdin: when it ends, even by kill -9, stdin closes and dynalite goes too.
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
