// The webhook receiver of `npm run bench`, a process of its own so that answering never waits on
// the measuring process's event loop. Answers 204 after the delay given (at once for 0) and tells
// its parent the port it listens on.
import { createServer } from 'node:http';

const delayMs = Number(process.argv[2] ?? 0);
const answer = res => res.writeHead(204).end();
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => (delayMs > 0 ? setTimeout(answer, delayMs, res) : answer(res)));
});
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
process.on('disconnect', () => server.close());
