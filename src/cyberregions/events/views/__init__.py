"""Pages of the events app, by audience: everyone (calendar, event pages, registration),
participants of brokerage events (profile, catalogue, requests, availability, agenda) and
organisers (registrations, meeting grid, scheduler, table plan, statistics)."""
