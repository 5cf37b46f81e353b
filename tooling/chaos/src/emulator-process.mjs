// Runs @spark/emulator in its own process, so that the heap and the event loop measured by a
// reliability test belong to the client alone. Driven over IPC by emulator-process.ts.
import { startEmulator } from '@spark/emulator';

const options = JSON.parse(process.argv[2] ?? '{}');
const emu = await startEmulator({ port: 0, recordRequests: false, ...options });
emu.addModel('chaos/echo', (inputs) => ({ id: inputs.id, y: inputs.x * 3 }));
process.on('message', async (message) => {
  const reply = (value) => process.send({ id: message.id, value });
  if (message.cmd === 'stats') return reply(emu.stats());
  if (message.cmd === 'faults') {
    emu.faults.clear();
    for (const rule of message.rules) emu.faults.add(rule);
    return reply(true);
  }
  if (message.cmd === 'close') {
    await emu.close();
    reply(true);
    process.disconnect();
  }
});
process.send({ ready: true, url: emu.url, baseUrl: emu.baseUrl });
