"""The No-Contact countdown: the plan, its statistics, slips, contacts and urges."""
