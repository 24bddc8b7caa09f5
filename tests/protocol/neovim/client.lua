-- Drives the report language server from headless Neovim (0.7+) as a user's configuration does:
-- the README's Neovim 0.7–0.10 block (REPORT_NVIM_CONFIG) starts it when a report is opened, then
-- Neovim's own code paths run (diagnostics, buf_request_sync, vim.lsp.buf.code_action with
-- vim.ui.select answered, apply_workspace_edit). Run by tests/protocol/neovim.test.ts:
--   nvim --headless --clean -n -i NONE -u NONE -c 'luafile client.lua'
-- with REPORT_NVIM_CONFIG, REPORT_NVIM_FILE, REPORT_NVIM_OUT set. It writes what it
-- saw to REPORT_NVIM_OUT as JSON and quits; the test asserts on it.
local function env(name)
  local value = os.getenv(name)
  assert(value, name .. ' is not set')
  return value
end
local timeout = 10000
local out = { steps = {} }

local function step(name) table.insert(out.steps, name) end

local function finish(err)
  out.error = err
  local f = assert(io.open(env('REPORT_NVIM_OUT'), 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd(err and 'cquit!' or 'qall!')
end

local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, message = d.message })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end

local function count(list, code)
  local n = 0
  for _, d in ipairs(list) do if d.code == code then n = n + 1 end end
  return n
end

local ok, err = pcall(function()
  vim.lsp.set_log_level('ERROR') -- 0.7 has no OFF; the log goes to the test's own XDG_CACHE_HOME
  out.nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch)
  -- The README's configuration for Neovim 0.7–0.10, as a user's init.lua has it.
  dofile(env('REPORT_NVIM_CONFIG'))
  vim.cmd('edit ' .. vim.fn.fnameescape(env('REPORT_NVIM_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo[buf].filetype
  local client
  assert(vim.wait(timeout, function()
    client = ({ next(vim.lsp.buf_get_clients(buf)) })[2]
    return client ~= nil and client.initialized
  end, 50), 'no client attached to the buffer')
  local id = client.id
  out.pid = client.rpc.pid
  step('started')

  -- Diagnostics, with the pushed settings applied (placeholder is an error).
  assert(vim.wait(timeout, function()
    local list = diagnostics(buf)
    return count(list, 'placeholder') > 0 and list[1] ~= nil and count(list, 'stray-marker') > 0
  end, 50), 'no diagnostics')
  out.before = diagnostics(buf)
  step('diagnostics')

  -- Document symbols through Neovim's request API.
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params(buf) }, timeout)
  local symbols = {}
  for _, r in pairs(responses or {}) do
    for _, s in ipairs(r.result or {}) do
      local children = {}
      for _, c in ipairs(s.children or {}) do table.insert(children, c.name) end
      table.insert(symbols, { name = s.name, line = s.range.start.line, children = children })
    end
  end
  out.symbols = symbols
  step('symbols')

  -- A quick fix at the first stray marker: Neovim sends the line's diagnostics back (byte columns).
  local marker
  for _, d in ipairs(out.before) do if d.code == 'stray-marker' then marker = d break end end
  vim.api.nvim_win_set_cursor(0, { marker.lnum + 1, marker.col })
  out.offered = {}
  local chosen = false
  vim.ui.select = function(items, _, on_choice)
    local pick
    for i, item in ipairs(items) do
      table.insert(out.offered, item[2].title)
      if not pick and item[2].title:find('paidbegin', 1, true) then pick = i end
    end
    chosen = pick ~= nil
    if pick then on_choice(items[pick], pick) else on_choice(nil, nil) end
  end
  local version = vim.api.nvim_buf_get_changedtick(buf)
  vim.lsp.buf.code_action({ only = { 'quickfix' } })
  assert(vim.wait(timeout, function() return chosen and vim.api.nvim_buf_get_changedtick(buf) ~= version end, 50), 'the code action was not applied')
  out.line = vim.api.nvim_buf_get_lines(buf, marker.lnum, marker.lnum + 1, false)[1]
  step('code action')

  -- The diagnostics follow the edit.
  local n = count(out.before, 'stray-marker')
  assert(vim.wait(timeout, function() return count(diagnostics(buf), 'stray-marker') == n - 1 end, 50), 'diagnostics did not update')
  out.after = diagnostics(buf)
  step('updated')

  vim.lsp.stop_client(id)
  assert(vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50), 'the server did not stop')
  step('stopped')
end)

finish(not ok and tostring(err) or nil)
