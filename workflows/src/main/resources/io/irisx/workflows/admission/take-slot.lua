-- Takes a call slot for a tenant, atomically; see docs/limits.md.
-- KEYS[1] leases   zset callId -> lease expiry (ms)
-- KEYS[2] waiting  zset callId -> time it joined the queue (ms)
-- KEYS[3] rate     hash tokens, at (token bucket)
-- ARGV: callId, maxConcurrent, callsPerSecond, leaseMs, mode, staleWaitMs
--   mode 'door'  : a new call at the API: refused when anyone waits (first come, first served)
--   mode 'queue' : as 'door', and a refused call is put in the waiting set
--   mode 'head'  : the head of the tenant's queue
-- Returns {1, '', 0} when granted, else {0, refusedBy, retryAfterMs}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local callId = ARGV[1]
local maxConcurrent = tonumber(ARGV[2])
local perSecond = tonumber(ARGV[3])
local leaseMs = tonumber(ARGV[4])
local mode = ARGV[5]
local staleWaitMs = tonumber(ARGV[6])

-- Leases not renewed in time belong to calls that are gone: their slots are free.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
-- A waiting entry older than the longest wait belongs to a call that never reached the queue.
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - staleWaitMs)

if redis.call('ZSCORE', KEYS[1], callId) then
  return {1, '', 0}
end

local function refuse(by, retryMs)
  if mode == 'queue' then
    redis.call('ZADD', KEYS[2], 'NX', now, callId)
    redis.call('PEXPIRE', KEYS[2], staleWaitMs)
  end
  return {0, by, math.max(1, math.floor(retryMs))}
end

if mode ~= 'head' and redis.call('ZCARD', KEYS[2]) > 0 and not redis.call('ZSCORE', KEYS[2], callId) then
  return refuse('queue', 1000)
end

if redis.call('ZCARD', KEYS[1]) >= maxConcurrent then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return refuse('concurrency', tonumber(first[2]) - now)
end

local tokens = tonumber(redis.call('HGET', KEYS[3], 'tokens') or perSecond)
local at = tonumber(redis.call('HGET', KEYS[3], 'at') or now)
tokens = math.min(perSecond, tokens + (now - at) * perSecond / 1000)
if tokens < 1 then
  redis.call('HSET', KEYS[3], 'tokens', tostring(tokens), 'at', now)
  return refuse('rate', (1 - tokens) * 1000 / perSecond)
end
redis.call('HSET', KEYS[3], 'tokens', tostring(tokens - 1), 'at', now)
redis.call('PEXPIRE', KEYS[3], 60000)

redis.call('ZADD', KEYS[1], now + leaseMs, callId)
redis.call('PEXPIRE', KEYS[1], leaseMs * 2)
redis.call('ZREM', KEYS[2], callId)
return {1, '', 0}
