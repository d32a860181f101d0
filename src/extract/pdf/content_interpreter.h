// Runs a page's content streams the way a viewer would, but only to find out where each
// character is drawn: text state and matrices, graphics state stack, form XObjects, marked
// content with /ActualText. Paths, colours and images are skipped (images only noted).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/limits.h"
#include "extract/pdf/content_lexer.h"
#include "extract/pdf/deadline.h"
#include "extract/pdf/font.h"
#include "extract/pdf/geometry.h"
#include "extract/pdf/page_text.h"
#include "extract/pdf/page_tree.h"

namespace mkrp::extract::pdf {

class ContentInterpreter {
 public:
  // All references must outlive the interpreter. One interpreter may read many pages.
  ContentInterpreter(const Objects& objects, FontCache& fonts, const Limits& limits,
                     const Deadline& deadline);

  // The characters drawn on `page` (1-based `number`). Throws core::LimitExceededException when
  // the page's unpacked content or its form nesting passes the limits, or time runs out.
  PageText readPage(const PageInfo& page, int number);

 private:
  struct GraphicsState {
    Matrix ctm;
    const Font* font = nullptr;
    double fontSize = 0;
    double charSpacing = 0;
    double wordSpacing = 0;
    double horizontalScale = 1;
    double leading = 0;
    double rise = 0;
  };
  struct Resources {
    const PoDoFo::PdfObject* dict = nullptr;
    std::vector<std::pair<std::string, const Font*>> fonts;  // names already looked up
  };
  struct MarkedContent {
    bool hasActualText = false;
    std::string actualText;
    std::size_t firstGlyph = 0;
  };

  void runContent(std::string_view content, Resources& resources, int depth);
  void execute(const Operation& op, Resources& resources, int depth);
  void executeText(const Operation& op, Resources& resources);
  void setFont(const Operation& op, Resources& resources);
  void moveLine(double tx, double ty);
  void showString(std::string_view bytes);
  void showArray(const Operation& op);
  void addGlyph(const Matrix& textToPage, double tx, double advance, std::size_t textStart);
  void keepText(TextGlyph& glyph, std::size_t textStart);
  void drawXObject(const Operation& op, Resources& resources, int depth);
  void drawForm(const PoDoFo::PdfObject* form, const Resources& parent, int depth);
  void noteImage(const Matrix& placement);
  void beginMarkedContent(const Operation& op, const Resources& resources);
  void endMarkedContent();
  std::string decodeContent(const PoDoFo::PdfObject* stream);
  std::string pageContent(const PageInfo& page);
  void drawAnnotations(const PageInfo& page, Resources& resources);
  void drawAnnotation(const PoDoFo::PdfObject* annotation, const Matrix& pageToDisplay,
                      Resources& resources);

  Objects objects_;
  FontCache& fonts_;
  const Limits& limits_;
  const Deadline& deadline_;

  // State of the page being read.
  PageText page_;
  GraphicsState state_;
  std::vector<GraphicsState> stateStack_;
  int droppedSaves_ = 0;  // q beyond the stack bound, matched by Q later
  Matrix textMatrix_, lineMatrix_;
  std::vector<MarkedContent> marked_;
  std::vector<ObjectKey> openForms_;
  std::uint64_t contentBytes_ = 0;
  std::uint64_t operations_ = 0;
};

}  // namespace mkrp::extract::pdf
