// cmark-gfm keeps the trigger characters of its inline extensions (strikethrough `~`, autolink
// `:` and `w`) in one process-wide table. Every parse switches them on when it starts its inline
// pass and off when it ends (`process_inlines` in cmark-gfm's blocks.c), so a parse finishing
// on one thread switches them off under a parse still running on another, which then prints
// `~~struck~~` and `www.` links as plain text (docs/architecture.md, "cmark-gfm and threads").
//
// Every parser travaux makes attaches the same extensions, so the table's right state during
// any parse is "on". This file defines `cmark_manage_extensions_special_characters` itself: the
// shared library calls it through its PLT, so the dynamic linker binds that call here (the same
// ELF interposition that lets a program replace malloc). Switching on is passed to the
// library; switching off is dropped. Nothing else in the library reads the table.
//
// If the definition is not the one the library binds to (a static link, or a library built
// with -Bsymbolic), prepare_parsing() sees it and every parse's finish runs under one mutex
// instead: correct, but the inline pass no longer runs in parallel.
#include "markdown/thread_safe_parse.h"

#include <dlfcn.h>

#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

namespace {

using ManageFn = void (*)(cmark_parser*, int);

ManageFn library_manage() {
  static const ManageFn fn =
      reinterpret_cast<ManageFn>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
  return fn;
}

std::mutex& finish_mutex() {
  static std::mutex m;
  return m;
}

bool interposed = false;

}  // namespace

extern "C" void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
  // Switching off is what races; the characters stay on for every later parse, which all
  // attach the same extensions (see the top of this file).
  if (!add) return;
  if (ManageFn fn = library_manage()) fn(parser, add);
}

namespace travaux::markdown {

bool prepare_parsing() {
  static std::once_flag once;
  std::call_once(once, [] {
    cmark_gfm_core_extensions_ensure_registered();
    // The guard works only if the name the library resolves at run time is ours.
    void* bound = dlsym(RTLD_DEFAULT, "cmark_manage_extensions_special_characters");
    interposed = library_manage() != nullptr &&
                 bound == reinterpret_cast<void*>(&cmark_manage_extensions_special_characters);
  });
  return interposed;
}

ParseLock::ParseLock() {
  if (!prepare_parsing()) {
    finish_mutex().lock();
    locked_ = true;
  }
}

ParseLock::~ParseLock() {
  if (locked_) finish_mutex().unlock();
}

}  // namespace travaux::markdown
