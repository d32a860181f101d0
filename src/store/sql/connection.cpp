#include "store/sql/connection.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include "core/errors.h"

namespace mkrp::store::sql {

using Poco::Data::Keywords::bind;

std::string numberParameters(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int number = 0;
  char quote = 0;  // the quote we are inside, or 0
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;  // a doubled quote reopens at once, which is the same
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const auto end = sql.find('\n', i);
      const auto stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      out += '$' + std::to_string(++number);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void throwIfCollision(const Poco::Data::DataException& error) {
  constexpr std::string_view kCollisions[] = {
      "ERROR:  23505:", "ERROR:  40P01:", "ERROR:  40001:", "UNIQUE constraint failed"};
  const std::string& text = error.message();
  for (const std::string_view collision : kCollisions) {
    if (text.find(collision) != std::string::npos) {
      throw core::ConflictException(
          "Someone else changed the same record at the same moment, so this change was not "
          "made. Reload the page and try again.",
          error);
    }
  }
}

Poco::Data::AbstractBinding::Ptr param(std::int64_t value) { return bind(Poco::Int64(value)); }
Poco::Data::AbstractBinding::Ptr param(int value) { return bind(value); }
Poco::Data::AbstractBinding::Ptr param(std::string_view value) { return bind(std::string(value)); }
Poco::Data::AbstractBinding::Ptr param(const std::string& value) { return bind(value); }
Poco::Data::AbstractBinding::Ptr param(const char* value) { return bind(std::string(value)); }
Poco::Data::AbstractBinding::Ptr param(TimePoint value) { return param(toMillis(value)); }
Poco::Data::AbstractBinding::Ptr param(const std::optional<std::int64_t>& value) {
  return value ? bind(Poco::Nullable<Poco::Int64>(*value)) : bind(Poco::Nullable<Poco::Int64>());
}
Poco::Data::AbstractBinding::Ptr param(const std::optional<TimePoint>& value) {
  return param(value ? std::optional<std::int64_t>(toMillis(*value)) : std::nullopt);
}

Poco::Data::AbstractBinding::Ptr param(const std::optional<std::string>& value) {
  return value ? bind(Poco::Nullable<std::string>(*value)) : bind(Poco::Nullable<std::string>());
}

std::int64_t toMillis(TimePoint time) { return time.time_since_epoch().count(); }

TimePoint fromMillis(std::int64_t millis) { return TimePoint(std::chrono::milliseconds(millis)); }

Connection::Connection(Poco::Data::Session session, const Dialect& dialect)
    : session_(std::move(session)), dialect_(dialect) {}

Poco::Data::Statement Connection::prepare(std::string_view sql, const Params& params) {
  Poco::Data::Statement statement(session_);
  statement << (dialect_.numberedParameters ? numberParameters(sql) : std::string(sql));
  for (const auto& p : params) statement.addBind(p);
  return statement;
}

Poco::Data::RecordSet Connection::query(std::string_view sql, const Params& params) {
  Poco::Data::Statement statement = prepare(sql, params);
  try {
    statement.execute();
  } catch (const Poco::Data::DataException& error) {
    throwIfCollision(error);
    throw;
  }
  return Poco::Data::RecordSet(statement);
}

std::size_t Connection::execute(std::string_view sql, const Params& params) {
  Poco::Data::Statement statement = prepare(sql, params);
  try {
    return statement.execute();
  } catch (const Poco::Data::DataException& error) {
    throwIfCollision(error);
    throw;
  }
}

std::size_t Row::position(const std::string& column) const {
  for (std::size_t i = 0; i < result_.columnCount(); ++i) {
    if (result_.columnName(i) == column) return i;
  }
  throw Poco::NotFoundException("No column " + column + " in the result.");
}

bool Row::isNull(const std::string& column) const { return result_.isNull(position(column), row_); }

std::int64_t Row::int64(const std::string& column) const {
  return result_.value(position(column), row_).convert<Poco::Int64>();
}

int Row::integer(const std::string& column) const {
  return result_.value(position(column), row_).convert<int>();
}

std::string Row::text(const std::string& column) const {
  const auto i = position(column);
  if (result_.isNull(i, row_)) return {};
  return result_.value(i, row_).convert<std::string>();
}

std::optional<std::int64_t> Row::optionalInt64(const std::string& column) const {
  if (isNull(column)) return std::nullopt;
  return int64(column);
}

TimePoint Row::time(const std::string& column) const { return fromMillis(int64(column)); }

std::optional<TimePoint> Row::optionalTime(const std::string& column) const {
  if (isNull(column)) return std::nullopt;
  return time(column);
}

ConnectionPool::ConnectionPool(std::function<Poco::Data::Session()> open, const Dialect& dialect,
                               std::size_t size)
    : open_(std::move(open)), dialect_(dialect), size_(size == 0 ? 1 : size) {}

ConnectionPool::Loan::~Loan() {
  if (pool_ != nullptr) pool_->giveBack(std::move(connection_));
}

ConnectionPool::Loan ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty() || opened_ < size_; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Loan(*this, std::move(connection));
  }
  ++opened_;  // reserve the slot, then open without holding the lock
  lock.unlock();
  try {
    return Loan(*this, std::make_unique<Connection>(open_(), dialect_));
  } catch (...) {
    lock.lock();
    --opened_;
    available_.notify_one();
    throw;
  }
}

void ConnectionPool::giveBack(std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  if (connection) {
    idle_.push_back(std::move(connection));
  } else {
    --opened_;
  }
  available_.notify_one();
}

}  // namespace mkrp::store::sql
