import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// stdio (`node dist/server.js --stdio`), IPC or sockets: createConnection reads the transport from argv.
const connection = createConnection(ProposedFeatures.all);
startServer(connection);
