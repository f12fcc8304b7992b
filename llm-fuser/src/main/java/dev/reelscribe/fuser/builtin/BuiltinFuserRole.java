package dev.reelscribe.fuser.builtin;

import dev.reelscribe.fuser.prompt.PromptTemplate;
import dev.reelscribe.schemas.ModelRef;

/** What both roles of the built-in fuser model share: the model, its reference and input encoding. */
abstract class BuiltinFuserRole implements AutoCloseable {
  final BuiltinFuserModel model;

  BuiltinFuserRole(BuiltinFuserModel model) {
    this.model = model;
  }

  public ModelRef model() {
    return model.model();
  }

  public PromptTemplate prompt() {
    return model.prompt();
  }

  @Override
  public void close() {
    model.close();
  }
}
