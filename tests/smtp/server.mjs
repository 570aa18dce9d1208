// A real SMTP server for the e-mail tests: npm smtp-server receives, npm mailparser reads each
// message back, and every message is kept as a JSON file (its headers, text and raw source) in
// STATE.d/, one file a message, for the C++ tests to read. A calendar entry in a message is read
// back by npm ical.js (not by the libical that wrote it): its method, UID, SEQUENCE, status,
// summary, and start and end as instants (UTC) worked out from its own VTIMEZONE.
//
//   node tests/smtp/server.mjs start STATE   starts it in the background; STATE gets its port and pid
//   node tests/smtp/server.mjs stop STATE    stops it
//   node tests/smtp/server.mjs serve STATE   runs it in the foreground (what start launches)
//
// CTest runs start/stop as the "smtp" fixture around the mail tests. A recipient whose address
// begins with "refuse" is refused for good (550); "busy" gets a try-again (451).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import ICAL from 'ical.js';
import { runFixtureCommand } from '../support/fixture_process.mjs';

const isMain = process.argv[1] === fileURLToPath(import.meta.url);

export function readCalendar(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const vevent = calendar.getFirstSubcomponent('vevent');
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid, sequence: event.sequence, summary: event.summary, description: event.description,
    status: vevent.getFirstPropertyValue('status'),
    location: vevent.getFirstPropertyValue('location'),
    startZone: vevent.getFirstProperty('dtstart').getParameter('tzid'),
    start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString(),
    raw: text,
  };
}

export async function startSmtpServer(directory) {
  mkdirSync(directory, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],  // loopback only: the client tries STARTTLS and goes on without
    onRcptTo(address, session, callback) {
      if (address.address.startsWith('refuse')) return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      if (address.address.startsWith('busy')) return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const parsed = await simpleParser(raw);
        count += 1;
        const record = {
          envelopeFrom: session.envelope.mailFrom.address,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          messageId: parsed.messageId, subject: parsed.subject, from: parsed.from?.text, to: parsed.to?.text,
          date: parsed.date?.toISOString(), text: parsed.text, raw: raw.toString('utf8'),
          calendars: (parsed.attachments ?? []).filter((a) => a.contentType === 'text/calendar')
            .map((a) => readCalendar(a.content.toString('utf8'))),
        };
        writeFileSync(`${directory}/${String(Date.now())}-${String(count).padStart(6, '0')}.json`, JSON.stringify(record));
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

if (isMain) {
  await runFixtureCommand(fileURLToPath(import.meta.url), process.argv.slice(2), {
    name: 'smtp test server, port',
    async serve(statePath) { return [String((await startSmtpServer(`${statePath}.d`)).port)]; },
    clean: (statePath) => rmSync(`${statePath}.d`, { recursive: true, force: true }),
  });
}
