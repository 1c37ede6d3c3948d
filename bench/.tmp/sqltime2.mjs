import Database from 'better-sqlite3';
const db = new Database('/work/wt-reads/bench/.data/sqlite-100k.db', { readonly: true });
db.pragma('cache_size = -65536'); db.pragma('mmap_size = 8589934592');
const ids = db.prepare("select id from activity where visibility='public' limit 1000").all().map(r => r.id);
const cols = 'seq,id,title,original_language,kind,status,visibility,date_text,date_start,date_end,date_precision,place_mode,place_city,place_country,description,outcome,participants,links,provenance,version,created_at,created_by,updated_at,updated_by,deleted_at,deleted_by';
const q = {
  row: `select ${cols} from activity where id = ?`,
  one_noorder: `select ${cols}, (select json_group_array(json_array(l.office_code, l.role)) from activity_office l where l.activity_id = activity.id) a from activity where id = ?`,
  one_order: `select ${cols}, (select json_group_array(json_array(l.office_code, l.role) order by l.position, l.office_code) from activity_office l where l.activity_id = activity.id) a from activity where id = ?`,
  one_sub: `select ${cols}, (select json_group_array(json_array(office_code, role)) from (select office_code, role from activity_office l where l.activity_id = activity.id order by position, office_code)) a from activity where id = ?`,
  full_order: `select ${cols}, (select json_group_array(json_array(l.office_code, l.role) order by l.position, l.office_code) from activity_office l where l.activity_id = activity.id) a, (select json_group_array(l.sector_code order by l.sector_code) from activity_sector l where l.activity_id = activity.id) b, (select json_group_array(l.body_code order by l.position, l.body_code) from activity_body l where l.activity_id = activity.id) c, (select json_group_array(json_array(l.related_id, l.kind) order by l.related_id) from activity_relation l where l.activity_id = activity.id) d, (select json_group_array(json_array(c.from_status, c.to_status, c.reason, c.at, c.actor_label) order by c.at, c.id) from activity_status_change c where c.activity_id = activity.id) e from activity where id = ?`,
  full_sub: `select ${cols}, (select json_group_array(json_array(office_code, role)) from (select office_code, role from activity_office l where l.activity_id = activity.id order by position, office_code)) a, (select json_group_array(sector_code) from (select sector_code from activity_sector l where l.activity_id = activity.id order by sector_code)) b, (select json_group_array(body_code) from (select body_code from activity_body l where l.activity_id = activity.id order by position, body_code)) c, (select json_group_array(json_array(related_id, kind)) from (select related_id, kind from activity_relation l where l.activity_id = activity.id order by related_id)) d, (select json_group_array(json_array(from_status, to_status, reason, at, actor_label)) from (select * from activity_status_change c where c.activity_id = activity.id order by at, id)) e from activity where id = ?`,
  union: `select activity_id, 'office' as part, office_code as code, role as extra, position from activity_office where activity_id in (?) union all select activity_id, 'sector', sector_code, '', 0 from activity_sector where activity_id in (?) union all select activity_id, 'body', body_code, '', position from activity_body where activity_id in (?) union all select activity_id, 'relation', related_id, kind, 0 from activity_relation where activity_id in (?) order by position, code`,
};
for (const [name, text] of Object.entries(q)) {
  const st = db.prepare(text);
  const n = (text.match(/\?/g) || []).length;
  const run = (id) => name === 'union' ? st.all(id, id, id, id) : st.get(id);
  for (let i = 0; i < 1000; i++) run(ids[i]);
  const t = performance.now();
  for (let r = 0; r < 3; r++) for (let i = 0; i < 1000; i++) run(ids[i]);
  console.log(name, ((performance.now() - t) / 3).toFixed(0), 'µs/stmt');
}
