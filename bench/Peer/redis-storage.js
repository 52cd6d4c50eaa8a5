'use strict';

// botbuilder's Storage on Redis: one JSON string per state key, kept a day. The SDK ships Cosmos DB and Blob
// storage only; this is the small adapter a team would write. Last writer wins (no eTag check), which is
// cheaper than PhanHoi.Bot's compare-and-set, so it favours the peer.
class RedisStorage {
  constructor(redis) {
    this.redis = redis;
  }

  async read(keys) {
    const items = {};
    if (keys.length === 0) return items;
    const values = await this.redis.mget(keys);
    keys.forEach((key, i) => {
      if (values[i] !== null) items[key] = JSON.parse(values[i]);
    });
    return items;
  }

  async write(changes) {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [key, item] of entries) {
      pipeline.set(key, JSON.stringify({ ...item, eTag: String(Date.now()) }), 'EX', 86400);
    }
    for (const [error] of await pipeline.exec()) {
      if (error) throw error;
    }
  }

  async delete(keys) {
    if (keys.length > 0) await this.redis.del(...keys);
  }
}

module.exports = { RedisStorage };
