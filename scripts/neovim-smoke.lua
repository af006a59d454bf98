-- Neovim smoke test: starts the Throughline language server the way a Neovim user does
-- (`throughline-language-server --stdio`), opens a plan, prints its diagnostics, a hover on
-- a channel and the completions for a dependency, then exits (1 when something is missing).
--
--   npm run build
--   nvim --headless --clean -c "luafile scripts/neovim-smoke.lua"
--   PLAN=path/to/x.plan.yaml nvim --headless --clean -c "luafile scripts/neovim-smoke.lua"
--
-- Works with Neovim 0.7 and later (vim.lsp.start_client; 0.8+ also has vim.lsp.start).

local root = vim.fn.getcwd()
local plan = vim.env.PLAN or (root .. '/examples/problems/new-user.plan.yaml')
local cmd = { 'node', root .. '/bin/throughline-language-server.js', '--stdio' }

local function out(line)
  io.stdout:write(line .. '\n')
end

local function fail(message)
  out('FAIL: ' .. message)
  vim.cmd('cquit 1')
end

local client_id = vim.lsp.start_client({ name = 'throughline', cmd = cmd, root_dir = vim.fn.fnamemodify(plan, ':h') })
if not client_id then
  return fail('could not start ' .. table.concat(cmd, ' '))
end
vim.cmd('edit ' .. vim.fn.fnameescape(plan))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

if not vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
  return fail('no diagnostics within 15 s')
end
local diagnostics = vim.diagnostic.get(bufnr)
out(string.format('diagnostics (%d):', #diagnostics))
for _, d in ipairs(diagnostics) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'
  out(string.format('  %d:%d %s %s', d.lnum + 1, d.col + 1, code, d.message))
end

local client = vim.lsp.get_client_by_id(client_id)
local function request(method, line, character)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } }
  local response = client.request_sync(method, params, 10000, bufnr)
  if not response or response.err then
    return nil
  end
  return response.result
end

-- Hover on the first channel that others depend on: the line `  paid-search:`.
local line = vim.fn.search('^  paid-search:', 'n')
if line == 0 then
  return fail('no `paid-search:` line in ' .. plan)
end
local hover = request('textDocument/hover', line - 1, 3)
if not hover or not hover.contents or not hover.contents.value then
  return fail('no hover on paid-search')
end
out('hover on paid-search:')
for text in vim.gsplit(hover.contents.value, '\n') do
  out('  ' .. text)
end

-- Completion inside `depends_on: [` of the last channel's dependency list.
local dep = vim.fn.search('depends_on: \\[', 'n')
if dep > 0 then
  local text = vim.api.nvim_buf_get_lines(bufnr, dep - 1, dep, false)[1]
  local result = request('textDocument/completion', dep - 1, (text:find('%[') or 0))
  local items = result and (result.items or result) or {}
  local labels = {}
  for _, item in ipairs(items) do
    table.insert(labels, item.label)
  end
  out('completion in depends_on: ' .. table.concat(labels, ', '))
  if #labels == 0 then
    return fail('no completion in depends_on')
  end
end

vim.lsp.stop_client(client_id)
out('OK')
vim.cmd('qall!')
