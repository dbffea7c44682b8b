// The webhook receiver of `npm run bench`, a process of its own so that answering never waits on
// the measuring process's event loop. Answers 204 after the delay given (at once for 0), over
// http or https (the tests' certificate), and tells its parent the port it listens on.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createSecureServer } from 'node:https';

const delayMs = Number(process.argv[2] ?? 0);
const answer = res => res.writeHead(204).end();
const handle = (req, res) => {
  req.resume();
  req.on('end', () => (delayMs > 0 ? setTimeout(answer, delayMs, res) : answer(res)));
};
const tls = new URL('../test/support/tls/', import.meta.url);
const server =
  process.argv[3] === 'https'
    ? createSecureServer(
        {
          cert: readFileSync(new URL('cert.pem', tls)),
          key: readFileSync(new URL('key.pem', tls))
        },
        handle
      )
    : createServer(handle);
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
process.on('disconnect', () => server.close());
