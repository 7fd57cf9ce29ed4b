#pragma once
// Home, the index of each kind, people and topics (docs/architecture.md).

#include "render/view.h"
#include "render/site_image.h"

namespace travaux::render {

std::string render_home(const RenderInput& in);
/// letters/, drafts/, rounds/, documents/ index pages.
void render_kind_indexes(const RenderInput& in, render::SiteImage& site);
/// people/<id>/ for every person, topics/<slug>/ and topics/ for every topic.
void render_people_and_topics(const RenderInput& in, render::SiteImage& site);

}  // namespace travaux::render
