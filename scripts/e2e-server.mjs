#!/usr/bin/env node
// The app as the e2e suite sees it: `npm start` (build if needed, migrate, seed, serve) on a freshly created
// PostgreSQL database named klachtloket_e2e.
import pg from 'pg';

const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = 'klachtloket_e2e';
const client = new pg.Client({ connectionString: admin });
await client.connect();
await client.query(`drop database if exists "${name}" with (force)`);
await client.query(`create database "${name}"`);
await client.end();

const url = new URL(admin);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.AUTH_SECRET ??= 'e2e-secret-not-for-production';
await import('./start.mjs');
