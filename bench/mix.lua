-- The mixed load of bench/run.sh: 90% article pages spread over the whole archive,
-- 8% section pages (mostly the first page), 2% searches for words of the archive.
-- Arguments after "--": the folder holding articles.txt, sections.txt and search-words.txt.

local articles, sections, words = {}, {}, {}
local counter = 0

local function lines(path, into)
  local file = assert(io.open(path, "r"), "cannot read " .. path)
  for line in file:lines() do
    if line ~= "" then into[#into + 1] = line end
  end
  file:close()
end

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  local folder = args[1]
  lines(folder .. "/articles.txt", articles)
  lines(folder .. "/sections.txt", sections)
  lines(folder .. "/search-words.txt", words)
  math.randomseed(os.time() * 1000 + (seed or 0))
end

function request()
  local roll = math.random(100)
  local path
  if roll <= 90 then
    path = articles[math.random(#articles)]
  elseif roll <= 98 then
    path = sections[math.random(#sections)]
    if math.random(4) == 1 then path = path .. "?page=" .. math.random(2, 5) end
  else
    path = "/search?q=" .. words[math.random(#words)]
  end
  return wrk.format("GET", path)
end
