-- wrk script: requests the paths listed in $PATHS_FILE (one per line) in turn, each thread from its own
-- starting point, so the server sees many different concepts rather than one cached answer.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local index = 0

function setup(thread)
  thread:set("start", math.random(1, #paths))
end

function init(args)
  index = tonumber(start) or 0
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end
