using StackExchange.Redis;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// The Lua behind <see cref="RedisInboxStore"/>, one script per operation so each is one atomic round trip (EVALSHA
/// once loaded). All keys share the <c>{inbox}</c> hash tag, so on a Redis Cluster they live in one slot; the per-item
/// and per-conversation keys are built in the script from <c>@base</c>. Times are epoch milliseconds from the caller.
/// <list type="bullet">
/// <item><c>seq</c>: the last item id.</item>
/// <item><c>item:{id}</c>: hash <c>src mid conv payload recv att next err dlv</c>.</item>
/// <item><c>seen:{source}:{messageId}</c>: the idempotency key (the item id); expires a while after completion.</item>
/// <item><c>conv:{key}</c>: the conversation's unfinished item ids, oldest first.</item>
/// <item><c>due</c>: conversation → when its head item is due; only while the head is not leased.</item>
/// <item><c>leased</c>: conversation → when the lease on its head item ends.</item>
/// <item><c>pending</c>: how many items are unfinished.</item>
/// <item><c>aside</c>: the ids of items set aside (unreadable); their hashes are kept, marked <c>aside</c>, for an operator.</item>
/// </list>
/// </summary>
internal static class RedisInboxScripts
{
    /// <summary>Returns the new id, or 0 when <c>(source, messageId)</c> was stored before.</summary>
    public static readonly LuaScript Append = LuaScript.Prepare(
        """
        local seen = @base .. 'seen:' .. @source .. ':' .. @messageId
        if redis.call('exists', seen) == 1 then return 0 end
        local id = redis.call('incr', @seq)
        redis.call('set', seen, id)
        redis.call('hset', @base .. 'item:' .. id, 'src', @source, 'mid', @messageId, 'conv', @conversation,
            'payload', @payload, 'recv', @receivedAt, 'att', 0, 'next', @receivedAt)
        if redis.call('rpush', @base .. 'conv:' .. @conversation, id) == 1 then
            redis.call('zadd', @due, @receivedAt, @conversation)
        end
        redis.call('incr', @pending)
        return id
        """);

    /// <summary>
    /// Makes conversations whose lease ended due again, then leases the heads of up to <c>@max</c> due conversations,
    /// earliest due first. Returns <c>{id, src, mid, conv, payload, recv, att}</c> per item.
    /// </summary>
    public static readonly LuaScript Claim = LuaScript.Prepare(
        """
        local ended = redis.call('zrangebyscore', @leased, '-inf', @now)
        for _, conv in ipairs(ended) do
            redis.call('zrem', @leased, conv)
            local head = redis.call('lindex', @base .. 'conv:' .. conv, 0)
            if head then
                redis.call('zadd', @due, redis.call('hget', @base .. 'item:' .. head, 'next') or 0, conv)
            end
        end
        local claimed = {}
        local ready = redis.call('zrangebyscore', @due, '-inf', @now, 'LIMIT', 0, @max)
        for _, conv in ipairs(ready) do
            redis.call('zrem', @due, conv)
            local head = redis.call('lindex', @base .. 'conv:' .. conv, 0)
            if head then
                redis.call('zadd', @leased, @leaseEnd, conv)
                local item = redis.call('hmget', @base .. 'item:' .. head, 'src', 'mid', 'conv', 'payload', 'recv', 'att', 'dlv')
                table.insert(claimed, {head, item[1], item[2], item[3], item[4] or '', item[5], item[6], item[7] or '0'})
            end
        end
        return claimed
        """);

    /// <summary>
    /// The end of <see cref="Complete"/> and <see cref="SetAside"/>: the item (<c>@id</c>, of conversation <c>conv</c>)
    /// leaves its conversation's queue; if it was the head, the conversation's next item (if any) becomes due.
    /// </summary>
    private const string LeaveQueue =
        """

        local list = @base .. 'conv:' .. conv
        local wasHead = redis.call('lindex', list, 0) == @id
        redis.call('lrem', list, 1, @id)
        if wasHead then
            redis.call('zrem', @leased, conv)
            local head = redis.call('lindex', list, 0)
            if head then
                redis.call('zadd', @due, redis.call('hget', @base .. 'item:' .. head, 'next') or 0, conv)
            else
                redis.call('zrem', @due, conv)
            end
        end
        return 1
        """;

    /// <summary>Removes the item; its conversation's next item (if any) becomes due. A finished, set-aside or unknown id is ignored.</summary>
    public static readonly LuaScript Complete = LuaScript.Prepare(
        """
        local key = @base .. 'item:' .. @id
        local item = redis.call('hmget', key, 'src', 'mid', 'conv', 'aside')
        if not item[3] or item[4] then return 0 end
        local conv = item[3]
        redis.call('del', key)
        redis.call('pexpire', @base .. 'seen:' .. item[1] .. ':' .. item[2], @keepSeenMs)
        redis.call('decr', @pending)
        """ + LeaveQueue);

    /// <summary>
    /// Takes the item out of its conversation's queue but keeps its hash (marked <c>aside</c> with the reason) and lists
    /// it in <c>aside</c>; its conversation's next item (if any) becomes due. Its idempotency key stays, so a re-delivery
    /// is still recognised. A finished, set-aside or unknown id is ignored.
    /// </summary>
    public static readonly LuaScript SetAside = LuaScript.Prepare(
        """
        local key = @base .. 'item:' .. @id
        local item = redis.call('hmget', key, 'conv', 'aside')
        if not item[1] or item[2] then return 0 end
        local conv = item[1]
        redis.call('hset', key, 'aside', @at, 'err', @reason)
        redis.call('sadd', @aside, @id)
        redis.call('decr', @pending)
        """ + LeaveQueue);

    /// <summary>The message ids of the conversation's unfinished items after <c>@id</c>, oldest first (at most 10).</summary>
    public static readonly LuaScript Later = LuaScript.Prepare(
        """
        local ids = redis.call('lrange', @base .. 'conv:' .. @conversation, 0, -1)
        local later = {}
        for _, other in ipairs(ids) do
            if tonumber(other) > tonumber(@id) and #later < 10 then
                later[#later + 1] = redis.call('hget', @base .. 'item:' .. other, 'mid')
            end
        end
        return later
        """);

    /// <summary>Records how many of the turn's reply messages the platform took; an unknown (finished) item is ignored.</summary>
    public static readonly LuaScript Delivered = LuaScript.Prepare(
        """
        local key = @base .. 'item:' .. @id
        if redis.call('exists', key) == 0 then return 0 end
        redis.call('hset', key, 'dlv', @delivered)
        return 1
        """);

    /// <summary>One more attempt counted; the item is no longer leased and is due at <c>@retryAt</c>.</summary>
    public static readonly LuaScript Release = LuaScript.Prepare(
        """
        local key = @base .. 'item:' .. @id
        local item = redis.call('hmget', key, 'conv', 'aside')
        if not item[1] or item[2] then return 0 end
        local conv = item[1]
        redis.call('hincrby', key, 'att', 1)
        redis.call('hset', key, 'next', @retryAt, 'err', @error)
        if redis.call('lindex', @base .. 'conv:' .. conv, 0) == @id then
            redis.call('zrem', @leased, conv)
            redis.call('zadd', @due, @retryAt, conv)
        end
        return 1
        """);

    /// <summary>
    /// Heads from <c>@source</c> waiting for a later attempt (attempts &gt; 0, due after now, not leased) become due now.
    /// Only a head is ever handed out, so only a head can have been released. Returns how many.
    /// </summary>
    public static readonly LuaScript Expedite = LuaScript.Prepare(
        """
        local count = 0
        local waiting = redis.call('zrangebyscore', @due, '(' .. @now, '+inf')
        for _, conv in ipairs(waiting) do
            local head = redis.call('lindex', @base .. 'conv:' .. conv, 0)
            if head then
                local key = @base .. 'item:' .. head
                local item = redis.call('hmget', key, 'src', 'att')
                if item[1] == @source and tonumber(item[2]) > 0 then
                    redis.call('hset', key, 'next', @now)
                    redis.call('zadd', @due, @now, conv)
                    count = count + 1
                end
            end
        end
        return count
        """);
}
