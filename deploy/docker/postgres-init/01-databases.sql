-- Runs once, when the postgres volume is first initialised (as POSTGRES_USER, who then owns both databases).
CREATE DATABASE ingest;
CREATE DATABASE notify;
