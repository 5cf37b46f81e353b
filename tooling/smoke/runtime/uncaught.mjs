// Lets a SparkNotFoundError go uncaught, as a first script would: Node prints the throw site's
// source line, the stack and the error's fields. Arguments: <baseUrl> <apiKey>.
import { Client } from '@spark/sdk';

const [baseUrl, apiKey] = process.argv.slice(2);
const client = new Client({ baseUrl, apiKey, maxRetries: 0 });
process.on('exit', () => client.close());
await client.services.getVersions('my-folder/no-such-service');
