"""Reads an iCalendar document on stdin with python3-icalendar (an independent parser) and prints what it found as
JSON: each VEVENT's fields, its start and end resolved through the document's own VTIMEZONE (not a zone database
looked up by name) or, for an all-day value, its date, and each VTIMEZONE's UTC offset at the instants given as arguments (ISO, UTC)."""
import json
import sys
from datetime import datetime, timezone

from icalendar import Calendar


def main():
    calendar = Calendar.from_ical(sys.stdin.buffer.read())
    zones = {str(tz['TZID']): tz.to_tz() for tz in calendar.walk('VTIMEZONE')}
    probes = [datetime.strptime(arg, '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=timezone.utc) for arg in sys.argv[1:]]

    def when(prop):
        if not isinstance(prop.dt, datetime):
            # An all-day value (VALUE=DATE): a day, on no zone's clocks.
            return {'date': prop.dt.isoformat(), 'value': str(prop.params.get('VALUE')), 'tzid': None}
        tzid = prop.params.get('TZID')
        local = prop.dt.replace(tzinfo=None)
        # Resolved by the VTIMEZONE the document carries: a missing one is a KeyError, i.e. a failed test. A local
        # time that happens twice means its first occurrence (RFC 5545 3.3.5), the earlier of the two instants.
        instant = min(zones[str(tzid)].localize(local, is_dst=dst).astimezone(timezone.utc)
                      for dst in (True, False)) if tzid else prop.dt.astimezone(timezone.utc)
        return {'tzid': str(tzid) if tzid else None, 'local': local.isoformat(),
                'utc': instant.strftime('%Y-%m-%dT%H:%M:%SZ')}

    events = []
    for event in calendar.walk('VEVENT'):
        events.append({
            'uid': str(event['UID']),
            'sequence': int(event.get('SEQUENCE', 0)),
            'status': str(event.get('STATUS')) if 'STATUS' in event else None,
            'summary': str(event.get('SUMMARY')) if 'SUMMARY' in event else None,
            'description': str(event.get('DESCRIPTION')) if 'DESCRIPTION' in event else None,
            'location': str(event.get('LOCATION')) if 'LOCATION' in event else None,
            'url': str(event.get('URL')) if 'URL' in event else None,
            'dtstart': when(event['DTSTART']),
            'dtend': when(event['DTEND']),
            'dtstamp': event['DTSTAMP'].dt.strftime('%Y-%m-%dT%H:%M:%SZ'),
            'lastModified': event['LAST-MODIFIED'].dt.strftime('%Y-%m-%dT%H:%M:%SZ'),
        })
    offsets = {}
    for tzid, tz in zones.items():
        offsets[tzid] = {p.strftime('%Y-%m-%dT%H:%M:%SZ'): int(p.astimezone(tz).utcoffset().total_seconds())
                         for p in probes}
    print(json.dumps({'prodid': str(calendar.get('PRODID')), 'events': events, 'timezoneOffsets': offsets}))


main()
