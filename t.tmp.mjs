import { PGlite } from '@electric-sql/pglite';
let t = Date.now();
const db = new PGlite(); await db.waitReady; console.log('fresh', Date.now() - t);
const dump = await db.dumpDataDir('gzip'); console.log('dump size', dump.size);
t = Date.now();
const db2 = new PGlite({ loadDataDir: dump }); await db2.waitReady; console.log('from dump', Date.now() - t);
t = Date.now();
const db3 = new PGlite(); await db3.waitReady; console.log('fresh again', Date.now() - t);
