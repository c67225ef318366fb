// Child process for the crash test: commits small multi-row transactions until it is killed,
// printing the number of each one after its commit returns.
import { openStore } from '../../electron/store';
import { seedIfEmpty } from '../../electron/store/seed';
import fablab from '../../assets/fablab.json';

const store = openStore(process.argv[2]!);
await seedIfEmpty(store.writer, fablab);
const category = store.db.prepare('SELECT id FROM profile_categories LIMIT 1').pluck().get() as string;
for (let i = 1; ; i++) {
  store.writer.transaction(() => {
    const id = store.writer.insert('members', {
      display_name: `Crash ${i}`,
      name_key: `crash ${i}`,
      profile_category_id: category,
      role: 'member',
      pin_hash: 'x',
    });
    store.writer.insert('audit_log', { action: 'crash.test', target: id, details_json: JSON.stringify({ i }) });
    store.writer.update('members', id, { failed_pin_count: 1 });
  });
  process.stdout.write(`${i}\n`);
}
