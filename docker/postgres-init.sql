-- Runs once, when the postgres container initialises an empty data volume
-- (docker-entrypoint-initdb.d). One database per sector subgraph, each owned by
-- its own login role, so a subgraph can only reach its own sector's data.
-- The pathway subgraph is stateless and gets no database.
--
-- DEV-ONLY passwords; they are repeated in the *_DATABASE_URL variables in
-- docker-compose.yml.

CREATE ROLE municipality LOGIN PASSWORD 'municipality-dev-only';
CREATE DATABASE municipality OWNER municipality;
REVOKE ALL ON DATABASE municipality FROM PUBLIC;

CREATE ROLE general_practice LOGIN PASSWORD 'general-practice-dev-only';
CREATE DATABASE general_practice OWNER general_practice;
REVOKE ALL ON DATABASE general_practice FROM PUBLIC;

CREATE ROLE bua LOGIN PASSWORD 'bua-dev-only';
CREATE DATABASE bua OWNER bua;
REVOKE ALL ON DATABASE bua FROM PUBLIC;

CREATE ROLE screening LOGIN PASSWORD 'screening-dev-only';
CREATE DATABASE screening OWNER screening;
REVOKE ALL ON DATABASE screening FROM PUBLIC;
