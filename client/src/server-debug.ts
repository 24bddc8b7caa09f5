// How the language server runs when the extension is debugged (F5, an extension host started with
// --inspect: vscode-languageclient then uses the `debug` server options). No `vscode` import: the
// unit test of .vscode/launch.json reads the port from here.

/** The port of the server's Node inspector: "Attach to Language Server" in .vscode/launch.json. */
export const SERVER_INSPECT_PORT = 6011;

/** Node options of the server process in debug mode. */
export const SERVER_DEBUG_EXEC_ARGV: readonly string[] = ['--nolazy', `--inspect=${SERVER_INSPECT_PORT}`];
