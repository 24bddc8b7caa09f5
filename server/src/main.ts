import { inspect } from 'util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { checkFraming } from './framing';
import { useLexiconCache } from './lexicon-cache';
import { startServer } from './server';

/**
 * stdio (`node dist/server.js --stdio`), IPC or sockets: createConnection reads the transport from
 * argv. On stdio the framing of the messages is checked first: a bad header is logged and the
 * server exits with code 1 (its client restarts it) instead of hanging silently.
 */
function stdioConnection(): Connection {
  const input = checkFraming(process.stdin, (reason) => {
    const message = `report-language-server: bad message on standard input (${reason}); the message stream cannot be read any further, exiting`;
    process.stderr.write(`${message}\n`);
    connection.console.error(message);
    setTimeout(() => process.exit(1), 50);
  });
  const connection = createConnection(ProposedFeatures.all, input, process.stdout);
  // stdout carries the protocol: console output goes to the client's log, as createConnection does for --stdio.
  const log = connection.console;
  const text = (args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => log.log(text(args));
  console.info = (...args: unknown[]) => log.info(text(args));
  console.warn = (...args: unknown[]) => log.warn(text(args));
  console.error = (...args: unknown[]) => log.error(text(args));
  console.debug = (...args: unknown[]) => log.log(text(args));
  return connection;
}

useLexiconCache();
startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));
