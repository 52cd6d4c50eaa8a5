// The yardstick of BENCH.md, rebuilt so it can be measured on this machine with our own load driver: the PAKN
// intake on the Bot Framework SDK for JavaScript (botbuilder 4.23.3), written as the official samples are
// (CloudAdapter, one ComponentDialog of waterfalls with Text/Choice/Confirm prompts and validators, conversation and user
// state in Redis, the filed case INSERTed into PostgreSQL).
//
// PEER_DIALOG=bench    BENCH.md's dialog: greet, "Gửi phản ánh", name, phone, tax?, on behalf?, content, confirm
// PEER_DIALOG=phanhoi  PhanHoi.Bot's dialog (dialogs/conversations.yaml): category and evidence steps, and on behalf
//                      of someone: consent, name, address, phone, reason
// PEER_WORKERS=2       node processes sharing the port (cluster), as BENCH.md's "2 (both cores)" row
//
// Configuration comes the way the load driver gives it to PhanHoi.Bot: Urls, ConnectionStrings__Postgres (Npgsql
// form), ConnectionStrings__Redis (host:port). GET /health/ready answers when Redis and PostgreSQL do.
'use strict';

const cluster = require('node:cluster');
const workers = Number(process.env.PEER_WORKERS || 1);

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    console.error(`peer worker ${worker.process.pid} exited with ${code}`);
    process.exit(1);
  });
} else {
  start();
}

function start() {
  const express = require('express');
  const Redis = require('ioredis');
  const { Pool } = require('pg');
  const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, UserState } = require('botbuilder');
  const { IntakeDialog } = require('./intake-dialog');
  const { RedisStorage } = require('./redis-storage');

  const redis = new Redis(redisOptions(process.env.ConnectionStrings__Redis || '127.0.0.1:6379'));
  const pool = new Pool({ ...postgresOptions(process.env.ConnectionStrings__Postgres || ''), max: 20 });
  const storage = new RedisStorage(redis);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const dialog = new IntakeDialog(process.env.PEER_DIALOG || 'bench', userState, pool);
  const dialogState = conversationState.createProperty('DialogState');

  class IntakeBot extends ActivityHandler {
    constructor() {
      super();
      this.onMessage(async (context, next) => {
        await dialog.run(context, dialogState);
        await next();
      });
    }

    async run(context) {
      await super.run(context);
      await conversationState.saveChanges(context, false);
      await userState.saveChanges(context, false);
    }
  }

  const bot = new IntakeBot();
  // No app id or password: the Emulator's anonymous mode, as our own /api/messages runs in the benchmark.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (context, error) => {
    console.error(`turn failed: ${error && error.stack}`);
    await context.sendActivity('Xin lỗi, hệ thống đang gặp sự cố. Ông/Bà vui lòng thử lại sau.');
    await conversationState.delete(context);
  };

  const app = express();
  app.use(express.json({ limit: '256kb' }));
  app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
  app.get('/health/ready', async (_req, res) => {
    try {
      await redis.ping();
      await pool.query('SELECT 1');
      res.status(200).send('ok');
    } catch (error) {
      res.status(503).send(String(error));
    }
  });

  ensureSchema(pool)
    .then(() => {
      const url = new URL(process.env.Urls || 'http://127.0.0.1:3978');
      app.listen(Number(url.port), url.hostname, () => console.error(`peer (${process.env.PEER_DIALOG || 'bench'}) listening on ${url.href}`));
    })
    .catch((error) => {
      console.error(`schema: ${error.stack}`);
      process.exit(1);
    });
}

async function ensureSchema(pool) {
  // Two workers start at once: the advisory lock keeps their CREATE TABLEs apart.
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(4242)');
    await client.query('CREATE SEQUENCE IF NOT EXISTS peer_case_codes');
    await client.query(`CREATE TABLE IF NOT EXISTS peer_cases (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL UNIQUE,
      channel text NOT NULL,
      user_id text NOT NULL,
      category text NULL,
      content text NOT NULL,
      name text NOT NULL,
      phone text NOT NULL,
      tax_code text NULL,
      on_behalf jsonb NULL,
      confidential boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
  } finally {
    await client.query('SELECT pg_advisory_unlock(4242)');
    client.release();
  }
}

function redisOptions(value) {
  const [hostPort] = value.split(',');
  const [host, port] = hostPort.split(':');
  return { host, port: Number(port || 6379), maxRetriesPerRequest: 3 };
}

function postgresOptions(value) {
  const parts = Object.fromEntries(value.split(';').filter(Boolean).map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim()];
  }));
  return {
    host: parts.host || '127.0.0.1',
    port: Number(parts.port || 5432),
    user: parts.username || parts['user id'] || 'postgres',
    password: parts.password,
    database: parts.database || 'postgres',
  };
}
